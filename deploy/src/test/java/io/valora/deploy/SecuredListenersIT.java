package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.deploy.SecuredListenersBroker.Truststore;
import io.valora.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16, client level: one broker with a listener per way of connecting (SCRAM-SHA-512 over TLS, PLAIN over TLS,
 * mutual TLS; a CA no JVM trusts by default). A client given only the standard keys, as a service gets them from its
 * {@code KAFKA_*} variables, connects on each; the packaged gateway exits naming the cause when its password is
 * wrong or it does not trust the broker, becomes ready on mutual TLS, and goes not-ready naming the cause when its
 * SCRAM credential is deleted while it runs; rating-streams exits naming a refused PLAIN password; its replay tool
 * runs over PLAIN/TLS and exits non-zero naming a wrong password; invoice-service whose client certificate the
 * broker does not trust exits naming the TLS failure.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class SecuredListenersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Topics TOPICS = Topics.unprefixed();
    private static final String PLAIN_USER = "gateway";
    private static final String PLAIN_PASSWORD = "plain-secret-1";
    private static final String SCRAM_USER = "valora-gateway";
    private static final String SCRAM_PASSWORD = "scram-secret-1";
    /** The mTLS principal: the client certificate's CN. */
    private static final String MTLS_CN = "valora-gateway";
    /** Topic check off: one broker means one replica, which the production check refuses by design. */
    private static final Map<String, String> PROD_NO_TOPIC_CHECK = Map.of("QUARKUS_PROFILE", "prod",
            "VALORA_KAFKA_STARTUP_CHECK", "off");
    /** The gateway's defaults: the start-up check is enforced, as in production. */
    private static final Map<String, String> PROD = Map.of("QUARKUS_PROFILE", "prod");

    private static Path dir;
    private static SecuredListenersBroker broker;
    private static Path clientKeystore;
    private static LocalCertificates otherCa;

    @BeforeAll
    static void startBroker() throws Exception {
        dir = TestDirs.fresh("secured-listeners");
        Instant started = Instant.now();
        broker = SecuredListenersBroker.start(dir, RuntimeClasspath.load(Path.of(System.getProperty(RuntimeClasspath.FILE_PROPERTY))),
                Map.of(PLAIN_USER, PLAIN_PASSWORD), TIMEOUT);
        System.out.println("[secured-listeners] broker ready in " + Duration.between(started, Instant.now()).toMillis() + " ms");
        broker.createScramUser(SCRAM_USER, SCRAM_PASSWORD);
        try (Admin admin = Admin.create(broker.adminProperties())) {
            admin.createTopics(List.of(new NewTopic(TOPICS.usageEvents(), 1, (short) 1),
                    new NewTopic(TOPICS.apiKeys(), 1, (short) 1),
                    new NewTopic(TOPICS.usageEventsRejected(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        clientKeystore = ClientKeystore.issue(broker.tls(), MTLS_CN, dir.resolve("logs"));
        otherCa = LocalCertificates.createOrReuse(dir.resolve("other-ca"), "other-secret", dir.resolve("logs"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
            assertThat(broker.isAlive()).isFalse();
        }
    }

    @Test
    void shouldConnectOnEveryListenerWithOnlyTheStandardKeys() throws Exception {
        Truststore ca = Truststore.of(broker.tls());
        Map<String, Map<String, String>> listeners = new LinkedHashMap<>();
        listeners.put("SCRAM-SHA-512 over TLS", broker.scramEnv(SCRAM_USER, SCRAM_PASSWORD, ca));
        listeners.put("PLAIN over TLS", broker.plainEnv(PLAIN_USER, PLAIN_PASSWORD, ca));
        listeners.put("mutual TLS", broker.mtlsEnv(clientKeystore, ca));
        for (Map.Entry<String, Map<String, String>> listener : listeners.entrySet()) {
            Map<String, Object> keys = KafkaEnv.clientProperties(listener.getValue());
            try (Admin admin = Admin.create(withTimeouts(keys))) {
                assertThat(admin.describeTopics(List.of(TOPICS.apiKeys())).allTopicNames().get(20, TimeUnit.SECONDS))
                        .as(listener.getKey()).containsKey(TOPICS.apiKeys());
            }
            try (KafkaProducer<String, String> producer = producer(keys)) {
                RecordMetadata written = producer.send(new ProducerRecord<>(TOPICS.usageEvents(), "t/c", listener.getKey()))
                        .get(30, TimeUnit.SECONDS);
                assertThat(written.offset()).as(listener.getKey()).isNotNegative();
            }
        }
    }

    @Test
    void shouldRefuseTheDefaultTruststoreAMissingCertificateAndWrongPasswords() {
        Truststore ca = Truststore.of(broker.tls());
        // The broker's CA is in no JVM's default truststore: only the custom one makes TLS work.
        assertRefused(broker.scramEnv(SCRAM_USER, SCRAM_PASSWORD, Truststore.JVM_DEFAULT), SslAuthenticationException.class);
        assertRefused(broker.scramEnv(SCRAM_USER, SCRAM_PASSWORD, Truststore.of(otherCa)), SslAuthenticationException.class);
        // The mTLS listener requires a client certificate.
        Map<String, String> noCertificate = new HashMap<>(broker.mtlsEnv(clientKeystore, ca));
        noCertificate.keySet().removeIf(k -> k.startsWith("KAFKA_SSL_KEY"));
        assertRefused(noCertificate, SslAuthenticationException.class);
        assertRefused(broker.scramEnv(SCRAM_USER, "not-the-password", ca), SaslAuthenticationException.class);
        assertRefused(broker.plainEnv(PLAIN_USER, "not-the-password", ca), SaslAuthenticationException.class);
    }

    @Test
    void shouldStopAGatewayWithAWrongPasswordNamingAuthentication() throws Exception {
        Map<String, String> env = new HashMap<>(PROD);
        env.putAll(broker.scramEnv(SCRAM_USER, "not-the-password", Truststore.of(broker.tls())));
        String output = exitOutput("gateway-wrong-password", env);
        assertThat(output).contains("Kafka refused this service's credentials or certificate")
                .contains("SaslAuthenticationException").contains("Authentication failed");
    }

    @Test
    void shouldStopAGatewayThatDoesNotTrustTheBrokerNamingTheHandshake() throws Exception {
        Map<String, String> env = new HashMap<>(PROD);
        env.putAll(broker.scramEnv(SCRAM_USER, SCRAM_PASSWORD, Truststore.of(otherCa)));
        String output = exitOutput("gateway-untrusted", env);
        assertThat(output).contains("Kafka refused this service's credentials or certificate")
                .contains("SslAuthenticationException").contains("SSL handshake failed");
    }

    @Test
    void shouldStopRatingStreamsWithAWrongPlainPasswordNamingAuthentication() throws Exception {
        Map<String, String> env = new HashMap<>(PROD);
        env.put("VALORA_STATE_DIR", dir.resolve("rating-state").toString());
        env.putAll(broker.plainEnv(PLAIN_USER, "not-the-password", Truststore.of(broker.tls())));
        String output = exitOutput("rating-streams", "rating-wrong-password", env);
        assertThat(output).contains("Kafka refused this service's credentials or certificate")
                .contains("SaslAuthenticationException").contains("Invalid username or password");
    }

    @Test
    void shouldStopAnInvoiceServiceWhoseCertificateTheBrokerDoesNotTrustNamingTheHandshake() throws Exception {
        Path foreign = ClientKeystore.issue(otherCa, "valora-invoice", dir.resolve("logs"));
        PostgresConfig db = PostgresConfig.of(dir.resolve("postgres")).withPort(Loopback.freePort()).withLogDir(dir.resolve("logs"));
        try (PostgresProcess postgres = PostgresProcess.start(db, RuntimeClasspath.load(Path.of(System.getProperty(RuntimeClasspath.FILE_PROPERTY))),
                TIMEOUT)) {
            Map<String, String> env = new HashMap<>(PROD);
            // The database as production has it: migrations as the owner, requests and cross-tenant work on their own
            // non-owner login roles (created here as a DBA would), so only Kafka can stop this start.
            env.putAll(Map.of("VALORA_DB_URL", postgres.jdbcUrl(), "VALORA_DB_MIGRATION_USER", postgres.user(),
                    "VALORA_DB_MIGRATION_PASSWORD", postgres.password(), "VALORA_DB_CREATE_LOGIN_ROLES", "true"));
            // It trusts the broker, but its own certificate comes from a CA the broker does not trust.
            env.putAll(broker.mtlsEnv(foreign, otherCa.password(), Truststore.of(broker.tls())));
            String output = exitOutput("invoice-service", "invoice-foreign-certificate", env);
            assertThat(output).contains("Kafka refused this service's credentials or certificate: the TLS handshake failed")
                    .contains("SslAuthenticationException");
        }
    }

    @Test
    void shouldRunTheReplayToolOverPlainTlsAndStopItOnAWrongPassword() throws Exception {
        Truststore ca = Truststore.of(broker.tls());
        try (KafkaProducer<String, String> internal = producer(broker.adminProperties())) {
            internal.send(new ProducerRecord<>(TOPICS.usageEventsRejected(), "t/c", "a rejected event")).get(30, TimeUnit.SECONDS);
        }
        ReplayRun right = replay("replay-plain", broker.plainEnv(PLAIN_USER, PLAIN_PASSWORD, ca));
        assertThat(right.exit()).as(right.output()).isZero();
        assertThat(right.output()).contains("re-published 1 rejected events");
        ReplayRun wrong = replay("replay-wrong-password", broker.plainEnv(PLAIN_USER, "not-the-password", ca));
        assertThat(wrong.exit()).as(wrong.output()).isNotZero();
        assertThat(wrong.output()).contains("SaslAuthenticationException").contains("Invalid username or password");
    }

    @Test
    void shouldMakeAGatewayOnMutualTlsReady() throws Exception {
        Map<String, String> env = new HashMap<>(PROD_NO_TOPIC_CHECK);
        env.putAll(broker.mtlsEnv(clientKeystore, Truststore.of(broker.tls())));
        try (PackagedService gateway = PackagedService.start("gateway-mtls", env, dir)) {
            Duration took = gateway.awaitReadiness(200, "\"UP\"", TIMEOUT);
            System.out.println("[secured-listeners] gateway on mTLS ready after " + took.toMillis() + " ms");
        }
    }

    @Test
    void shouldTurnAGatewayNotReadyNamingTheCauseWhenItsCredentialIsDeleted() throws Exception {
        String user = "valora-gateway-revoked";
        broker.createScramUser(user, SCRAM_PASSWORD);
        Map<String, String> env = new HashMap<>(PROD_NO_TOPIC_CHECK);
        env.putAll(broker.scramEnv(user, SCRAM_PASSWORD, Truststore.of(broker.tls())));
        try (PackagedService gateway = PackagedService.start("gateway-revoked", env, dir)) {
            gateway.awaitReadiness(200, "\"UP\"", TIMEOUT);
            broker.deleteScramUser(user);
            Duration down = gateway.awaitReadiness(503, "SaslAuthenticationException", Duration.ofSeconds(60));
            System.out.println("[secured-listeners] gateway not ready " + down.toMillis()
                    + " ms after its SCRAM credential was deleted (re-authentication every " + SecuredListenersBroker.REAUTH + ")");
            // The api-keys reader is the part that stopped: its check is DOWN and names the refused credential.
            Poll.until(Duration.ofSeconds(60), () -> gateway.check("api-keys").path("data").has("stopped"));
            JsonNode apiKeys = gateway.check("api-keys");
            assertThat(apiKeys.path("status").asText()).as(gateway.lastReadiness()).isEqualTo("DOWN");
            assertThat(apiKeys.path("data").path("stopped").asText()).as(gateway.lastReadiness())
                    .startsWith("SaslAuthenticationException: Authentication failed");

            broker.createScramUser(user, SCRAM_PASSWORD);
            Duration back = gateway.awaitReadiness(200, "\"UP\"", Duration.ofSeconds(60));
            System.out.println("[secured-listeners] gateway ready again " + back.toMillis() + " ms after the credential was restored");
        }
    }

    /** What a run of rating-streams' replay tool printed, and its exit status. */
    private record ReplayRun(int exit, String output) {
    }

    /** Runs rating-streams' {@code RejectedEventsReplay} from the packaged service's jars with {@code env}. */
    private static ReplayRun replay(String name, Map<String, String> env) throws Exception {
        Path app = TestDirs.repoRoot().resolve("rating-streams/target/quarkus-app");
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xmx128m", "-cp",
                app.resolve("app") + "/*:" + app.resolve("lib/main") + "/*", "io.valora.rating.replay.RejectedEventsReplay");
        ChildProcess tool = ChildProcess.start(name, command, env, dir.resolve("logs").resolve(name + ".log"));
        try {
            assertThat(tool.process().waitFor(120, TimeUnit.SECONDS)).as("the replay tool finishes by itself").isTrue();
            return new ReplayRun(tool.process().exitValue(), tool.output());
        } finally {
            tool.stop(Duration.ofSeconds(10));
        }
    }

    private static void assertRefused(Map<String, String> env, Class<? extends Exception> cause) {
        try (Admin admin = Admin.create(withTimeouts(KafkaEnv.clientProperties(env)))) {
            assertThatThrownBy(() -> admin.describeTopics(List.of(TOPICS.apiKeys())).allTopicNames().get(20, TimeUnit.SECONDS))
                    .as(env.toString()).isInstanceOf(ExecutionException.class).cause().isInstanceOf(cause);
        }
    }

    private static Map<String, Object> withTimeouts(Map<String, Object> keys) {
        Map<String, Object> p = new HashMap<>(keys);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> keys) {
        Map<String, Object> p = new HashMap<>(keys);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Starts the packaged gateway with {@code env}, waits until it exits by itself, and returns its output. */
    private static String exitOutput(String name, Map<String, String> env) throws Exception {
        return exitOutput("ingest-gateway", name, env);
    }

    /** As {@link #exitOutput(String, Map)} for the packaged service in {@code module}. */
    private static String exitOutput(String module, String name, Map<String, String> env) throws Exception {
        try (PackagedService gateway = PackagedService.start(module, name, env, dir)) {
            Process process = gateway.child.process();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
            assertThat(process.exitValue()).as(gateway.child.tail()).isNotZero();
            return gateway.child.output();
        }
    }

    /** A packaged service (the ingest-gateway unless told otherwise) as its own process, stopped on close whatever happened. */
    private static final class PackagedService implements AutoCloseable {
        private final ChildProcess child;
        private final URI readiness;
        private final HttpClient http = HttpClient.newHttpClient();
        private static final ObjectMapper JSON = new ObjectMapper();
        private final AtomicReference<String> last = new AtomicReference<>("");

        private PackagedService(ChildProcess child, URI readiness) {
            this.child = child;
            this.readiness = readiness;
        }

        static PackagedService start(String name, Map<String, String> env, Path dir) {
            return start("ingest-gateway", name, env, dir);
        }

        /** Any packaged Quarkus service of the repository ({@code module}: its folder). */
        static PackagedService start(String module, String name, Map<String, String> env, Path dir) {
            ServiceSpec spec = ServiceSpec.quarkusApp(name, TestDirs.repoRoot().resolve(module), Loopback.freePort(),
                    env, List.of("-Xmx256m"));
            return new PackagedService(ChildProcess.start(name, spec.command(), spec.env(), dir.resolve("logs").resolve(name + ".log")),
                    URI.create(spec.readinessUrl()));
        }

        /** Polls readiness until it answers {@code status} with a body containing {@code text}; returns how long it took. */
        Duration awaitReadiness(int status, String text, Duration timeout) throws Exception {
            Instant start = Instant.now();
            boolean reached = Poll.until(timeout, () -> {
                if (!child.isAlive()) {
                    throw child.failure("exited while its readiness was awaited");
                }
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    last.set(answer.statusCode() + " " + answer.body());
                    return answer.statusCode() == status && answer.body().contains(text);
                } catch (java.io.IOException notListening) {
                    return false;
                }
            });
            assertThat(reached).as("readiness %d with %s within %s; last answer: %s", status, text, timeout, last.get()).isTrue();
            return Duration.between(start, Instant.now());
        }

        String lastReadiness() {
            return last.get();
        }

        /** One check of the readiness answer now, by name (a missing node when there is none). */
        JsonNode check(String name) throws Exception {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            last.set(answer.statusCode() + " " + answer.body());
            for (JsonNode check : JSON.readTree(answer.body()).path("checks")) {
                if (name.equals(check.path("name").asText())) {
                    return check;
                }
            }
            return JSON.missingNode();
        }

        @Override
        public void close() {
            child.stop(Duration.ofSeconds(20));
        }
    }
}
