package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.deploy.acls.ServicePrincipals;
import io.valora.deploy.demo.CatalogReadiness;
import io.valora.deploy.demo.CatalogSetup;
import io.valora.deploy.demo.InvoiceAwaiter;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.deploy.demo.SampleWorkload;
import io.valora.deploy.demo.ValoraClient;
import io.valora.deploy.demo.WorkloadSender;
import io.valora.schemas.ApiKey;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import io.valora.deploy.provision.TopicsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole secured stack, started once ({@link LocalStack#startSecure}): three KRaft brokers with SASL_SSL and
 * SCRAM-SHA-512, topics with replication 3 and {@code min.insync.replicas=2}, and the three packaged services,
 * each connecting as its own user with exactly its ACLs. A small workload goes in over HTTP and comes out as
 * invoices equal to the workload's own ground truth to the cent, while records forged on the topics by principals
 * without the right are refused by the broker: the gateway's user cannot publish an API key, and neither a user
 * without ACLs nor one with only read rights can put usage in front of rating. Also the cluster itself (what
 * {@code SecureClusterIT} checked on a cluster of its own before; one cluster start less in CI): every topic with 3
 * replicas and {@code min.insync.replicas=2}, {@code ./valora topics --dry-run --apply-acls} finding nothing to do,
 * SCRAM refusing a wrong password, and least privilege between the services' users.
 *
 * <p>The tests share the stack and run in order: the forged records are attempted before the workload is billed,
 * so the invoice check would see any of them that got through.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SecureStackIT {

    private static final String KEY = "valora-dev-key";
    private static final String TENANT = "demo";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A user with a SCRAM credential and no ACL at all. */
    private static final String NO_ACLS_USER = "valora-intruder";
    /** An event that, billed, would add 1,000,000 api calls (10,000.00 USD) to customer-001's invoice. */
    private static final String FORGED_EVENT_ID = "forged-usage-0001";

    private static final PrintStream OUT = System.out;
    private static LocalStack stack;
    private static long startedAt;
    private static Instant periodStart;
    private static SampleWorkload workload;

    @BeforeAll
    static void startSecuredStack() {
        startedAt = System.nanoTime();
        Path dataDir = TestDirs.fresh("secure-stack");
        LocalStackSettings settings = LocalStackSettings.builder(TestDirs.repoRoot())
                .dataDir(dataDir)
                .ports(LocalStackSettings.Ports.free())
                .progress(line -> OUT.println("[secure-stack] " + line))
                .build();
        stack = LocalStack.startSecure(settings, SecureClusterConfig.onFreePorts(dataDir.resolve("kafka-secure"),
                settings.logDir()));
        stack.secureCluster().orElseThrow().createUser(NO_ACLS_USER, TIMEOUT);
        Instant now = Instant.now();
        periodStart = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        workload = SampleWorkload.generate(11, 4, 30, periodStart, now);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        OUT.printf("SecureStackIT: %d s with the stack start%n", (System.nanoTime() - startedAt) / 1_000_000_000);
        assertThat(TestDirs.liveChildren()).as("processes left behind").isEmpty();
    }

    @Test
    @Order(1)
    void shouldRunEveryServiceAsItsOwnUserOverSaslSsl() {
        Map<String, String> users = Map.of(LocalStack.INGEST_GATEWAY, "valora-gateway",
                LocalStack.RATING_STREAMS, "valora-rating", LocalStack.INVOICE_SERVICE, "valora-invoice");
        users.forEach((service, user) -> {
            Map<String, String> env = stack.service(service).orElseThrow().spec().env();
            assertThat(env).as(service).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as(service).contains("username=\"" + user + "\"")
                    .doesNotContain("\"admin\"");
        });
        assertThat(stack.secureCluster().orElseThrow().nodes()).hasSize(3).allMatch(SecureCluster.Node::isAlive);
    }

    @Test
    @Order(1)
    void shouldProvisionEveryTopicReplicatedThreeTimesWithTwoInSyncAsTheTopicsCommandWould() throws Exception {
        try (Admin admin = Admin.create(stack.adminClientProperties())) {
            Map<String, TopicDescription> topics = admin.describeTopics(stack.topics().all()).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics).hasSize(stack.topics().all().size());
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3)));
            Config usage = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    stack.topics().usageEvents()))).all().get(30, TimeUnit.SECONDS).values().iterator().next();
            assertThat(usage.get("min.insync.replicas").value()).isEqualTo("2");
            assertThat(usage.get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(35).toMillis()));
        }
        // ./valora topics, as an operator runs it against this cluster, finds nothing missing: the stack's own
        // provisioning made exactly the documented topics and ACLs
        Path adminConfig = stack.settings().dataDir().resolve("admin.properties");
        Files.writeString(adminConfig, stack.adminClientProperties().entrySet().stream()
                .filter(e -> !e.getKey().equals(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                .map(e -> e.getKey() + "=" + e.getValue().toString().replace("\"", "\\\""))
                .collect(Collectors.joining("\n")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TopicsCommand.run(List.of("--bootstrap", stack.bootstrapServers(), "--command-config",
                adminConfig.toString(), "--partitions", "3", "--dry-run", "--apply-acls"),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 of them missing on the cluster");

        // A cluster whose spec drifted: Valora's topics under another prefix, then rated-charges changed by hand to
        // fewer in-sync replicas and deletion instead of compaction. The dry run names both, exits 3, changes nothing.
        Topics drifted = new Topics("drift-");
        List<String> onDrifted = List.of("--bootstrap", stack.bootstrapServers(), "--command-config", adminConfig.toString(),
                "--prefix", drifted.prefix(), "--partitions", "3");
        assertThat(TopicsCommand.run(onDrifted, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err)).isZero();
        ConfigResource charges = new ConfigResource(ConfigResource.Type.TOPIC, drifted.ratedCharges());
        try (Admin admin = Admin.create(stack.adminClientProperties())) {
            admin.incrementalAlterConfigs(Map.of(charges, List.of(
                    new AlterConfigOp(new ConfigEntry("min.insync.replicas", "1"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            ByteArrayOutputStream dryRun = new ByteArrayOutputStream();
            List<String> dry = new ArrayList<>(onDrifted);
            dry.add("--dry-run");
            int drift = TopicsCommand.run(dry, new PrintStream(dryRun, true, StandardCharsets.UTF_8), System.err);
            String report = dryRun.toString(StandardCharsets.UTF_8);
            assertThat(drift).as(report).isEqualTo(3);
            String line = report.lines().filter(l -> l.contains(drifted.ratedCharges())).findFirst().orElseThrow();
            assertThat(line).contains("DIFFERS").contains("min.insync.replicas 1 < 2").contains("cleanup.policy delete != ");
            assertThat(report).contains("Differences found (exit 3); nothing was changed.");
            Config after = admin.describeConfigs(List.of(charges)).all().get(30, TimeUnit.SECONDS).get(charges);
            assertThat(after.get("min.insync.replicas").value()).as("a dry run changes nothing").isEqualTo("1");
        }
    }

    @Test
    @Order(1)
    void shouldLogInWithTheRightPasswordAndBeRefusedWithAWrongOne() throws Exception {
        SecureCluster cluster = stack.secureCluster().orElseThrow();
        try (Admin admin = Admin.create(cluster.clientProperties("valora-gateway"))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
        }
        Map<String, Object> wrong = new HashMap<>(cluster.clientProperties("valora-gateway", "not-the-password"));
        wrong.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        wrong.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    @Order(1)
    void shouldRefuseChargesFromTheGatewaysUserAndApiKeysFromRatingsUser() {
        try (KafkaProducer<String, ApiKey> rating = apiKeyProducer("valora-rating")) {
            assertThatThrownBy(() -> rating.send(new ProducerRecord<>(stack.topics().apiKeys(), sha256("vk_forged_by_rating"),
                    apiKey("vk_forged_by_rating"))).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, UsageEvent> gateway = usageProducer("valora-gateway")) {
            assertThatThrownBy(() -> gateway.send(new ProducerRecord<>(stack.topics().ratedCharges(), "k",
                    forgedUsage())).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    @Order(2)
    void shouldRefuseAnApiKeyWrittenByTheGatewaysUserSoTheKeyNeverWorks() throws Exception {
        String forgedKey = "vk_forged_by_the_gateway_principal";
        String controlKey = "vk_written_by_the_invoice_principal";
        try (KafkaProducer<String, ApiKey> gateway = apiKeyProducer(ServicePrincipals.userName(
                ServicePrincipals.DEFAULT_GATEWAY))) {
            assertThatThrownBy(() -> gateway.send(new ProducerRecord<>(stack.topics().apiKeys(), sha256(forgedKey),
                    apiKey(forgedKey))).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        // The same record from invoice-service's user (the only one allowed) makes a working key: the refused
        // record was one the gateway would have honoured, so the 401 below is the broker's doing.
        try (KafkaProducer<String, ApiKey> invoice = apiKeyProducer("valora-invoice")) {
            invoice.send(new ProducerRecord<>(stack.topics().apiKeys(), sha256(controlKey), apiKey(controlKey)))
                    .get(30, TimeUnit.SECONDS);
        }
        ValoraClient control = client(controlKey);
        await("the control key reaches the gateway").atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> control.sendEvents(List.of()), status -> status != 401);

        assertThat(client(forgedKey).sendEvents(List.of())).as("the forged key at the gateway").isEqualTo(401);
        assertThat(readAll(stack.topics().apiKeys(), r -> new String(r.key(), StandardCharsets.UTF_8)))
                .contains(sha256(controlKey)).doesNotContain(sha256(forgedKey));
    }

    @Test
    @Order(3)
    void shouldRefuseUsageWrittenByAUserWithoutTheRightBeforeItReachesRating() {
        for (String user : List.of(NO_ACLS_USER, "valora-rating")) { // rating's user may only read usage-events
            try (KafkaProducer<String, UsageEvent> producer = usageProducer(user)) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(stack.topics().usageEvents(),
                        TENANT + "/" + SampleWorkload.customer(1), forgedUsage())).get(30, TimeUnit.SECONDS))
                        .as(user).isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
        assertThat(readAll(stack.topics().usageEvents(), r -> eventId(r.value())))
                .doesNotContain(FORGED_EVENT_ID);
    }

    @Test
    @Order(4)
    void shouldBillTheWorkloadToTheCentAndNothingForged() {
        ValoraClient client = client(KEY);
        CatalogSetup.create(client, workload.customers(), periodStart, OUT);
        try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.adminClientProperties(),
                stack.topics().ratedCharges())) {
            CatalogReadiness.await(client, charges, workload.customers(), SampleWorkload.METERS, periodStart,
                    Duration.ofMinutes(2), OUT);
        }
        assertThat(WorkloadSender.send(client, workload.events(), 4, OUT)).isEqualTo(120);
        JsonNode invoices = InvoiceAwaiter.closeWhenComplete(client, periodStart, workload, Duration.ofMinutes(3), OUT);

        assertThat(invoices).hasSize(4);
        Map<String, Long> totals = new TreeMap<>();
        invoices.forEach(i -> totals.put(i.path("customer").asText(), i.path("totalMinor").asLong()));
        assertThat(totals).isEqualTo(workload.expectedTotalsMinor());
        // what rating could read: the workload once and CatalogReadiness's value-0 probes, nothing else
        List<String> onTopic = readAll(stack.topics().usageEvents(), r -> eventId(r.value()));
        List<String> workloadIds = workload.events().stream().map(e -> e.id()).toList();
        assertThat(onTopic).containsAll(workloadIds).doesNotContain(FORGED_EVENT_ID);
        assertThat(onTopic).filteredOn(id -> !workloadIds.contains(id)).allMatch(id -> id.startsWith("probe-"));
    }

    private static ValoraClient client(String key) {
        return new ValoraClient(stack.ingestGatewayUrl(), stack.ratingStreamsUrl(), stack.invoiceServiceUrl(), key);
    }

    private static ApiKey apiKey(String key) {
        return ApiKey.newBuilder().setKeyHash(sha256(key)).setKeyId(key.substring(0, 8)).setTenant(TENANT)
                .setScopes(List.of("ingest")).setRevoked(false).setCreatedAt(Instant.now()).build();
    }

    private static UsageEvent forgedUsage() {
        Instant time = Instant.now().minusSeconds(60);
        return UsageEvent.newBuilder().setTenant(TENANT).setId(FORGED_EVENT_ID).setSource("intruder")
                .setType("api_call").setSubject(SampleWorkload.customer(1)).setTime(time)
                .setData("{\"value\":1000000}").setReceivedAt(time).build();
    }

    private static String eventId(byte[] value) {
        return RecordSerde.singleObject(UsageEvent.class).deserializer().deserialize("usage-events", value).getId();
    }

    private static KafkaProducer<String, ApiKey> apiKeyProducer(String user) {
        return producer(user, RecordSerde.singleObject(ApiKey.class).serializer());
    }

    private static KafkaProducer<String, UsageEvent> usageProducer(String user) {
        return producer(user, RecordSerde.singleObject(UsageEvent.class).serializer());
    }

    private static <V> KafkaProducer<String, V> producer(String user, Serializer<V> values) {
        Map<String, Object> p = new HashMap<>(stack.secureCluster().orElseThrow().clientProperties(user));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"); // the user without ACLs has no IDEMPOTENT_WRITE
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(p, new StringSerializer(), values);
    }

    /** Every record of {@code topic} up to its end (tombstones left out), read as the super user, each mapped. */
    private static <T> List<T> readAll(String topic, Function<ConsumerRecord<byte[], byte[]>, T> mapping) {
        Map<String, Object> p = new HashMap<>(stack.adminClientProperties());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                assertThat(System.nanoTime()).as("read " + topic + " to its end in time").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.value() != null) {
                        values.add(mapping.apply(r));
                    }
                });
            }
        }
        return values;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
