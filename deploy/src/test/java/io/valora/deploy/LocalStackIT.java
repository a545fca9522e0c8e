package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local stack with the real broker and PostgreSQL and {@link FakeService} jars in place of the three
 * Quarkus services (their jars are built by other modules).
 */
class LocalStackIT {

    private static Path dataDir;
    private static Path fakeRepo;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void fakeServiceJars() throws IOException {
        dataDir = TestDirs.fresh("local-stack");
        fakeRepo = TestDirs.fresh("fake-repo");
        Path testClasses = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        for (String name : List.of(LocalStack.INVOICE_SERVICE, LocalStack.RATING_STREAMS, LocalStack.INGEST_GATEWAY)) {
            Path jar = ServiceSpec.quarkusRunJar(fakeRepo.resolve(name));
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                    jar.getParent().relativize(testClasses).toString() + "/");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                // a manifest is all it needs
            }
        }
    }

    private LocalStackSettings.Builder settings(String failingService) {
        return LocalStackSettings.builder(fakeRepo)
                .dataDir(dataDir)
                .ports(LocalStackSettings.Ports.free())
                .topicPrefix("it.")
                .jvm(new LocalStackSettings.JvmOptions(KafkaConfig.DEFAULT_JVM_OPTIONS,
                        PostgresConfig.DEFAULT_JVM_OPTIONS, List.of("-Xmx32m", "-Dfake.fail=" + failingService)))
                .runtimeClasspathFile(RuntimeClasspath.defaultFile(TestDirs.repoRoot()))
                .progress(line -> {
                    System.out.println(line);
                    progress.add(line);
                });
    }

    @Test
    void startsEveryComponentInOrderAndHandsEachServiceItsSettings() throws Exception {
        LocalStackSettings settings = settings("none").build();
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.components()).extracting(Component::name)
                    .containsExactly("kafka", "postgres", "invoice-service", "rating-streams", "ingest-gateway");
            assertThat(stack.components()).allSatisfy(c -> {
                assertThat(c.startupTime()).isPositive();
                assertThat(c.rssBytes()).isPositive();
            });

            assertThat(env(stack.invoiceServiceUrl()))
                    .containsEntry("QUARKUS_HTTP_PORT", Integer.toString(settings.ports().invoiceService()))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                    .containsEntry("VALORA_DB_URL", stack.jdbcUrl())
                    .containsEntry("VALORA_DB_MIGRATION_USER", "postgres")
                    .containsEntry("VALORA_TOPICS_PREFIX", "it.");
            assertThat(env(stack.ratingStreamsUrl()))
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers())
                    .containsEntry("VALORA_STATE_DIR", settings.ratingStateDir().toString());
            assertThat(env(stack.ingestGatewayUrl()))
                    .containsEntry("QUARKUS_HTTP_PORT", Integer.toString(settings.ports().ingestGateway()))
                    .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(stack.topics().all()).allTopicNames().get();
                assertThat(topics.keySet()).containsExactlyInAnyOrder(
                        "it.usage-events", "it.usage-events.rejected", "it.rated-charges", "it.api-keys", "it.customers",
                        "it.meters", "it.plans", "it.subscriptions", "it.invoice-events", "it.dead-letters");
                assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
            }
        }
        assertThat(TestDirs.liveChildren()).isEmpty();
        assertThat(PostgresProcess.serverProcesses(settings.postgres())).isEmpty();
        assertThat(progress).filteredOn(l -> l.contains("stopped")).extracting(l -> l.trim().split(" ")[1])
                .containsExactly("ingest-gateway", "rating-streams", "invoice-service", "postgres", "kafka");
    }

    @Test
    void runsTwoRatingInstancesAndRestartsKilledServicesAndTheBrokerOnTheirOldSettings() throws Exception {
        LocalStackSettings settings = settings("none").ratingInstances(2)
                .ratingProperties(Map.of("kafka-streams.session.timeout.ms", "6000"))
                .serviceEnv(LocalStack.INVOICE_SERVICE, Map.of("VALORA_OPERATOR_TOKEN", "only-for-invoices")).build();
        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack.components()).extracting(Component::name).containsExactly(
                    "kafka", "postgres", "invoice-service", "rating-streams", "rating-streams-2", "ingest-gateway");
            assertThat(env(stack.ratingStreamsUrl(2)))
                    .containsEntry("QUARKUS_HTTP_PORT", Integer.toString(settings.ratingPort(2)))
                    .containsEntry("VALORA_STATE_DIR", settings.ratingStateDir(2).toString());
            assertThat(settings.ratingPort(2)).isNotEqualTo(settings.ports().ratingStreams());
            assertThat(env(stack.invoiceServiceUrl())).containsEntry("VALORA_OPERATOR_TOKEN", "only-for-invoices");
            assertThat(env(stack.ingestGatewayUrl())).doesNotContainKey("VALORA_OPERATOR_TOKEN");
            assertThat(stack.service("rating-streams-2").orElseThrow().spec().command())
                    .contains("-Dkafka-streams.session.timeout.ms=6000");

            long killedPid = stack.service("rating-streams-2").orElseThrow().pid();
            stack.killService("rating-streams-2");
            assertThat(ProcessHandle.of(killedPid).filter(ProcessHandle::isAlive)).isEmpty();
            ServiceProcess restarted = stack.restartService("rating-streams-2");
            assertThat(restarted.pid()).isNotEqualTo(killedPid);
            assertThat(env(stack.ratingStreamsUrl(2))).containsEntry("VALORA_STATE_DIR", settings.ratingStateDir(2).toString());

            long gatewayPid = stack.service(LocalStack.INGEST_GATEWAY).orElseThrow().pid();
            assertThat(stack.restartService(LocalStack.INGEST_GATEWAY).pid()).isNotEqualTo(gatewayPid);

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("it.survivor", 1, (short) 1)))
                        .all().get();
            }
            stack.stopBroker();
            assertThat(stack.kafka().isAlive()).isFalse();
            stack.startBroker();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                assertThat(admin.listTopics().names().get()).contains("it.survivor", "it.usage-events");
            }
            assertThat(stack.components()).extracting(Component::name).containsExactly(
                    "kafka", "postgres", "invoice-service", "rating-streams", "rating-streams-2", "ingest-gateway");
            assertThat(stack.components()).allSatisfy(c -> assertThat(c.rssBytes()).isPositive());
        }
        assertThat(TestDirs.liveChildren()).isEmpty();
        assertThat(progress).filteredOn(l -> l.contains("stopped") && !l.contains("restart") && !l.contains("data kept"))
                .extracting(l -> l.trim().split(" ")[1])
                .containsExactly("ingest-gateway", "rating-streams-2", "rating-streams", "invoice-service", "postgres",
                        "kafka");
    }

    @Test
    void stopsWhatHadStartedWhenAServiceFailsToStart() {
        LocalStackSettings settings = settings(LocalStack.RATING_STREAMS).build();

        assertThatThrownBy(() -> LocalStack.start(settings).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rating-streams exited while starting")
                .hasMessageContaining("failing on purpose");

        assertThat(TestDirs.liveChildren()).isEmpty();
        assertThat(PostgresProcess.serverProcesses(settings.postgres())).isEmpty();
        assertThat(progress).filteredOn(l -> l.contains("stopped")).extracting(l -> l.trim().split(" ")[1])
                .containsExactly("invoice-service", "postgres", "kafka");
    }

    private static Map<String, String> env(String baseUrl) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(baseUrl + "/env")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body().lines().map(l -> l.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }
}
