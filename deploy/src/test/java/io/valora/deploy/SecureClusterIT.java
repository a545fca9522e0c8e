package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.deploy.acls.ServicePrincipals;
import io.valora.deploy.topics.TopicsCommand;
import io.valora.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The secured three-node cluster: SCRAM over TLS, topics provisioned by {@code ./valora topics} with replication 3
 * and {@code min.insync.replicas=2}, the services' ACLs applied, and least privilege enforced by the broker.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SecureClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Topics TOPICS = Topics.unprefixed();
    private static SecureCluster cluster;
    private static String provisioningOutput;
    private static int provisioningExit;

    @BeforeAll
    static void startClusterAndProvision() throws Exception {
        Path dir = TestDirs.fresh("secure-cluster");
        cluster = SecureCluster.start(SecureClusterConfig.onFreePorts(dir, dir.resolve("logs")),
                RuntimeClasspath.load(Path.of(System.getProperty(RuntimeClasspath.FILE_PROPERTY))), TIMEOUT);
        for (String user : List.of("valora-gateway", "valora-rating", "valora-invoice")) {
            cluster.createUser(user, TIMEOUT);
        }
        Path adminConfig = dir.resolve("admin.properties");
        Files.writeString(adminConfig, cluster.adminProperties().entrySet().stream()
                .filter(e -> !e.getKey().equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                .map(e -> e.getKey() + "=" + e.getValue().toString().replace("\"", "\\\""))
                .collect(Collectors.joining("\n")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provisioningExit = TopicsCommand.run(List.of("--bootstrap", cluster.bootstrapServers(), "--command-config",
                adminConfig.toString(), "--partitions", "3", "--apply-acls"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        provisioningOutput = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
            assertThat(cluster.nodes()).noneMatch(SecureCluster.Node::isAlive);
        }
    }

    private static Map<String, Object> as(String user) {
        Map<String, Object> p = new HashMap<>(cluster.clientProperties(user));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return p;
    }

    private static KafkaProducer<String, String> producer(String user) {
        Map<String, Object> p = as(user);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @Test
    void shouldProvisionEveryTopicReplicatedThreeTimesWithTwoInSync() throws Exception {
        assertThat(provisioningExit).as(provisioningOutput).isZero();
        try (Admin admin = Admin.create(as("admin"))) {
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS.all()).allTopicNames().get();
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
            Config usage = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    TOPICS.usageEvents()))).all().get().values().iterator().next();
            assertThat(usage.get("min.insync.replicas").value()).isEqualTo("2");
            assertThat(usage.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(35).toMillis()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path config = cluster.config().dataDir().resolve("admin.properties");
        assertThat(TopicsCommand.run(List.of("--bootstrap", cluster.bootstrapServers(), "--command-config",
                config.toString(), "--partitions", "3", "--dry-run", "--apply-acls"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 of them missing on the cluster");
    }

    @Test
    void shouldConnectWithTheRightPasswordAndRefuseAWrongOne() throws Exception {
        try (Admin admin = Admin.create(as("valora-gateway"))) {
            assertThat(admin.describeCluster().nodes().get(20, TimeUnit.SECONDS)).hasSize(3);
        }
        Map<String, Object> wrong = new HashMap<>(cluster.clientProperties("valora-gateway", "not-the-password"));
        wrong.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void shouldLetTheGatewayWriteUsageButNotApiKeys() throws Exception {
        try (KafkaProducer<String, String> gateway = producer(ServicePrincipals.userName(ServicePrincipals.DEFAULT_GATEWAY))) {
            gateway.send(new ProducerRecord<>(TOPICS.usageEvents(), "t/c", "usage")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> gateway.send(new ProducerRecord<>(TOPICS.apiKeys(), "hash", "forged key"))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> gateway.send(new ProducerRecord<>(TOPICS.ratedCharges(), "k", "forged charge"))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> invoice = producer("valora-invoice")) {
            invoice.send(new ProducerRecord<>(TOPICS.apiKeys(), "hash", "key")).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseRatingWritingApiKeys() {
        try (KafkaProducer<String, String> rating = producer("valora-rating")) {
            assertThatThrownBy(() -> rating.send(new ProducerRecord<>(TOPICS.apiKeys(), "hash", "forged key"))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }
}
