package io.valora.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * One real Kafka broker ({@code kafka.Kafka}, KRaft, broker and controller in one process) with one listener per
 * way a Valora service may be told to connect, so client-level tests can try each against the same broker:
 *
 * <ul>
 *   <li>{@code SCRAM}: SASL_SSL with SCRAM-SHA-512 (users made through the Admin API, {@link #createScramUser});</li>
 *   <li>{@code PLAIN}: SASL_SSL with PLAIN (users fixed in the broker's JAAS line at start);</li>
 *   <li>{@code MTLS}: SSL with client certificates required; the certificate's CN is the principal;</li>
 *   <li>{@code INTERNAL}: plaintext, for inter-broker traffic and the test's own admin client only.</li>
 * </ul>
 *
 * <p>Every TLS listener presents a certificate from a private CA ({@link LocalCertificates}) that is in no JVM's
 * default truststore, so a client connects only with the custom truststore it is given. Sessions of SASL clients
 * must re-authenticate every {@link #REAUTH} ({@code connections.max.reauth.ms}), so a credential deleted while a
 * client runs stops working on its open connections too, as a production broker should be configured.
 *
 * <p>Test-only: no authorizer (the listeners' authentication is what is tested), one replica.
 */
final class SecuredListenersBroker implements AutoCloseable {

    /** How long a SASL session lasts before the client must authenticate again. */
    static final Duration REAUTH = Duration.ofSeconds(5);
    static final String SCRAM = "SCRAM-SHA-512";
    private static final String LOG4J_CONFIG = "kafka-log4j2.xml";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** The listeners clients use, with their ports. */
    record Ports(int scram, int plain, int mtls, int internal, int controller) {
        static Ports free() {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < 5) {
                int port = Loopback.freePort();
                if (!ports.contains(port)) {
                    ports.add(port);
                }
            }
            return new Ports(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4));
        }
    }

    private final Ports ports;
    private final LocalCertificates tls;
    private final ChildProcess process;

    private SecuredListenersBroker(Ports ports, LocalCertificates tls, ChildProcess process) {
        this.ports = ports;
        this.tls = tls;
        this.process = process;
    }

    /**
     * Makes the TLS material in {@code <dir>/tls}, formats the storage, starts the broker and returns once it
     * answers on its internal listener.
     *
     * @param plainUsers the PLAIN listener's users and passwords (names and passwords without quotes)
     */
    static SecuredListenersBroker start(Path dir, RuntimeClasspath classpath, Map<String, String> plainUsers,
            Duration timeout) throws Exception {
        Ports ports = Ports.free();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        LocalCertificates tls = LocalCertificates.createOrReuse(dir.resolve("tls"), "listeners-test-secret", logs);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, render(serverProperties(ports, tls, dir.resolve("kraft-logs"), plainUsers)),
                StandardCharsets.UTF_8);
        try (InputStream in = KafkaProcess.class.getResourceAsStream(LOG4J_CONFIG)) {
            Files.copy(in, dir.resolve(LOG4J_CONFIG), StandardCopyOption.REPLACE_EXISTING);
        }
        format(dir, logs, classpath, properties);
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xms64m", "-Xmx320m",
                "-Djava.awt.headless=true", "-Dkafka.logs.dir=" + logs,
                "-Dlog4j2.configurationFile=" + dir.resolve(LOG4J_CONFIG), "-Dlog4j2.shutdownHookEnabled=false",
                "-cp", classpath.asArgument(), KafkaBrokerMain.class.getName(), properties.toString());
        ChildProcess child = ChildProcess.start("kafka-listeners", command, Map.of(), logs.resolve("kafka.out"));
        SecuredListenersBroker broker = new SecuredListenersBroker(ports, tls, child);
        try {
            broker.awaitReady(timeout);
            return broker;
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    /** The broker's settings, in the order they are written. */
    static Map<String, String> serverProperties(Ports ports, LocalCertificates tls, Path logDirs,
            Map<String, String> plainUsers) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + ports.controller());
        p.put("listeners", "SCRAM://127.0.0.1:" + ports.scram() + ",PLAIN://127.0.0.1:" + ports.plain()
                + ",MTLS://127.0.0.1:" + ports.mtls() + ",INTERNAL://127.0.0.1:" + ports.internal()
                + ",CONTROLLER://127.0.0.1:" + ports.controller());
        p.put("advertised.listeners", "SCRAM://127.0.0.1:" + ports.scram() + ",PLAIN://127.0.0.1:" + ports.plain()
                + ",MTLS://127.0.0.1:" + ports.mtls() + ",INTERNAL://127.0.0.1:" + ports.internal());
        p.put("listener.security.protocol.map",
                "SCRAM:SASL_SSL,PLAIN:SASL_SSL,MTLS:SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "INTERNAL");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.name.scram.sasl.enabled.mechanisms", SCRAM);
        p.put("listener.name.scram.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put("listener.name.plain.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.plain.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + plainUsers.entrySet().stream().map(u -> " user_" + u.getKey() + "=\"" + u.getValue() + "\"")
                        .collect(Collectors.joining()) + ";");
        p.put("connections.max.reauth.ms", Long.toString(REAUTH.toMillis()));
        tls.putBrokerStores(p);
        p.put("listener.name.mtls.ssl.client.auth", "required");
        p.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+).*$/$1/,DEFAULT");
        p.put("log.dirs", logDirs.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static String render(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> e.getKey() + "=" + KafkaServerProperties.escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void format(Path dir, Path logs, RuntimeClasspath classpath, Path properties) throws InterruptedException {
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + dir.resolve(LOG4J_CONFIG), "-Dkafka.logs.dir=" + logs,
                "-cp", classpath.asArgument(), "kafka.tools.StorageTool", "format", "-t", KafkaProcess.clusterId(dir),
                "-c", properties.toString());
        ChildProcess format = ChildProcess.start("kafka-storage-format", command, Map.of(), logs.resolve("format.log"));
        if (!format.process().waitFor(60, TimeUnit.SECONDS)) {
            format.stop(Duration.ofSeconds(5));
            throw format.failure("did not finish within 60 s");
        }
        if (format.process().exitValue() != 0) {
            throw format.failure("could not format " + dir);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        Map<String, Object> props = new LinkedHashMap<>(adminProperties());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "300");
        try (Admin admin = Admin.create(props)) {
            boolean ready = Poll.until(timeout, () -> {
                if (!process.isAlive()) {
                    throw process.failure("exited while starting");
                }
                try {
                    return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                            .get(3, TimeUnit.SECONDS).isEmpty();
                } catch (Exception notYet) {
                    return false;
                }
            });
            if (!ready) {
                throw process.failure("did not answer on its internal listener within " + timeout);
            }
        }
    }

    /** The test's own admin client: the plaintext internal listener (no authorizer, so it may do anything). */
    Map<String, Object> adminProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.internal());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return p;
    }

    /** Creates or replaces SCRAM-SHA-512 credential of {@code user}. */
    void createScramUser(String user, String password) throws Exception {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Deletes {@code user}'s SCRAM-SHA-512 credential: a revoked service account. */
    void deleteScramUser(String user) throws Exception {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The service's environment for SCRAM-SHA-512 over TLS, trusting the CA in {@code truststore}. */
    Map<String, String> scramEnv(String user, String password, Truststore truststore) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.scram());
        keys.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        keys.put(SaslConfigs.SASL_MECHANISM, SCRAM);
        keys.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        keys.putAll(truststore.keys());
        return KafkaEnv.of(keys);
    }

    /** The service's environment for SASL/PLAIN over TLS. */
    Map<String, String> plainEnv(String user, String password, Truststore truststore) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.plain());
        keys.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        keys.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        keys.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        keys.putAll(truststore.keys());
        return KafkaEnv.of(keys);
    }

    /** The service's environment for mutual TLS with the client keystore {@code keystore} (password: the CA's). */
    Map<String, String> mtlsEnv(Path keystore, Truststore truststore) {
        return mtlsEnv(keystore, tls.password(), truststore);
    }

    /** As {@link #mtlsEnv(Path, Truststore)} with a keystore of another password (e.g. signed by another CA). */
    Map<String, String> mtlsEnv(Path keystore, String keystorePassword, Truststore truststore) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.mtls());
        keys.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        keys.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
        keys.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keystore.toString());
        keys.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, keystorePassword);
        keys.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, keystorePassword);
        keys.putAll(truststore.keys());
        return KafkaEnv.of(keys);
    }

    /** A truststore a client may be given. */
    record Truststore(Path location, String password) {
        /** The JVM's default truststore: no {@code ssl.truststore.*} key at all. */
        static final Truststore JVM_DEFAULT = new Truststore(null, null);

        static Truststore of(LocalCertificates ca) {
            return new Truststore(ca.truststore(), ca.password());
        }

        Map<String, String> keys() {
            if (location == null) {
                return Map.of();
            }
            return Map.of(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12",
                    SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, location.toString(),
                    SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, password);
        }
    }

    /** The CA the broker's certificate comes from. */
    LocalCertificates tls() {
        return tls;
    }

    Ports ports() {
        return ports;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Where the broker's output goes, for failure messages. */
    Path log() {
        return process.log();
    }

    /** SIGTERM, SIGKILL after 30 s. Idempotent. */
    @Override
    public void close() {
        process.stop(STOP_TIMEOUT);
    }
}
