package io.valora.deploy;

import io.valora.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Valora on one machine, no Docker: a real Kafka broker, a real PostgreSQL 15 and the three services, each its
 * own OS process, all on 127.0.0.1.
 *
 * <pre>{@code
 * LocalStackSettings settings = LocalStackSettings.builder(repoRoot).build();   // or .ports(Ports.free()) ...
 * try (LocalStack stack = LocalStack.start(settings)) {
 *     stack.ingestGatewayUrl();   // http://127.0.0.1:8080
 * }                               // everything stopped, in reverse order
 * }</pre>
 *
 * <p>Start order: broker, PostgreSQL, topics, invoice-service, rating-streams, ingest-gateway. {@link #close()}
 * stops in reverse order; so does a failed start before it throws, and so does Ctrl-C (a shutdown hook).
 */
public final class LocalStack implements AutoCloseable {

    public static final String INVOICE_SERVICE = "invoice-service";
    public static final String RATING_STREAMS = "rating-streams";
    public static final String INGEST_GATEWAY = "ingest-gateway";

    private final LocalStackSettings settings;
    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook = new Thread(this::stopAll, "valora-local-stack-stop");
    private KafkaProcess kafka;
    private PostgresProcess postgres;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private boolean closed;

    private LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts every component and returns once all are ready.
     *
     * @throws IllegalStateException if a component does not start; whatever had started is stopped first
     */
    public static LocalStack start(LocalStackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        RuntimeClasspath classpath = RuntimeClasspath.load(settings.runtimeClasspathFile());
        Duration timeout = settings.startTimeout();
        settings.progress().accept("Starting Valora's local stack; data and logs in " + settings.dataDir());

        kafka = started(KafkaProcess.start(settings.kafka(), classpath, timeout));
        postgres = started(PostgresProcess.start(settings.postgres(), classpath, timeout));
        createTopics();
        if (!settings.withServices()) {
            return;
        }
        LocalStackSettings.Ports ports = settings.ports();
        startService(INVOICE_SERVICE, ports.invoiceService(), Map.of(
                "VALORA_DB_URL", postgres.jdbcUrl(),
                "VALORA_DB_USER", postgres.user(),
                "VALORA_DB_PASSWORD", postgres.password()));
        startService(RATING_STREAMS, ports.ratingStreams(), Map.of(
                "VALORA_STATE_DIR", settings.ratingStateDir().toString()));
        startService(INGEST_GATEWAY, ports.ingestGateway(), Map.of());
    }

    private <C extends Component> C started(C component) {
        started.add(component);
        settings.progress().accept("  " + component.summary());
        return component;
    }

    private void createTopics() {
        Topics topics = topics();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> wanted = topics.all().stream()
                    .map(name -> new NewTopic(name, Optional.of(settings.topicPartitions()), Optional.of((short) 1))
                            .configs(topics.compacted().contains(name) ? Map.of("cleanup.policy", "compact") : Map.of()))
                    .toList();
            for (var result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating topics timed out", e);
        }
        settings.progress().accept("  topics           " + topics.all() + ", " + settings.topicPartitions()
                + " partitions each");
    }

    private void startService(String name, int port, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (!settings.topicPrefix().isEmpty()) {
            env.put("VALORA_TOPICS_PREFIX", settings.topicPrefix());
        }
        Path module = settings.repoRoot().resolve(name);
        if (!java.nio.file.Files.isRegularFile(ServiceSpec.quarkusRunJar(module))) {
            throw new IllegalStateException(name + " is not built (" + ServiceSpec.quarkusRunJar(module)
                    + " is missing): run ./mvnw -B package -DskipTests first");
        }
        ServiceSpec spec = ServiceSpec.quarkusApp(name, module, port, env, settings.jvm().services());
        services.put(name, started(ServiceProcess.start(spec, settings.logDir(), settings.startTimeout())));
    }

    public LocalStackSettings settings() {
        return settings;
    }

    /** The topic names in use (with the configured prefix). */
    public Topics topics() {
        return new Topics(settings.topicPrefix());
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/valora}; user and password {@code postgres}. */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public KafkaProcess kafka() {
        return kafka;
    }

    public PostgresProcess postgres() {
        return postgres;
    }

    /** {@code http://127.0.0.1:<port>} of ingest-gateway. */
    public String ingestGatewayUrl() {
        return "http://127.0.0.1:" + settings.ports().ingestGateway();
    }

    /** {@code http://127.0.0.1:<port>} of rating-streams. */
    public String ratingStreamsUrl() {
        return "http://127.0.0.1:" + settings.ports().ratingStreams();
    }

    /** {@code http://127.0.0.1:<port>} of invoice-service. */
    public String invoiceServiceUrl() {
        return "http://127.0.0.1:" + settings.ports().invoiceService();
    }

    /** A running service by name ({@link #INVOICE_SERVICE}, ...), if it was started. */
    public Optional<ServiceProcess> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** What is running, in start order; each has its start-up time and current RSS. */
    public List<Component> components() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    /** Stops everything that was started, in reverse order. Idempotent. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrRemoved) {
            // the hook is running or gone: nothing to remove
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        List<Component> toStop = components();
        for (int i = toStop.size() - 1; i >= 0; i--) {
            Component component = toStop.get(i);
            long begin = System.nanoTime();
            try {
                component.close();
                settings.progress().accept("  stopped " + component.name() + " in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms");
            } catch (RuntimeException e) {
                settings.progress().accept("  could not stop " + component.name() + " (pid " + component.pid() + "): " + e);
            }
        }
    }

    /**
     * Starts the stack with settings from {@code valora.*} system properties and runs until Ctrl-C.
     * {@code --infra-only} starts only the broker and PostgreSQL.
     */
    public static void main(String[] args) throws InterruptedException {
        Path repoRoot = Path.of(System.getProperty("valora.repo.root",
                LocalStackSettings.findRepoRoot(Path.of("")).toString()));
        LocalStackSettings.Builder builder = LocalStackSettings.builder(repoRoot).fromSystemProperties();
        if (List.of(args).contains("--infra-only")) {
            builder.withServices(false);
        }
        LocalStack stack = start(builder.build());
        System.out.println("Kafka      " + stack.bootstrapServers());
        System.out.println("PostgreSQL " + stack.jdbcUrl() + " (user postgres)");
        if (stack.settings().withServices()) {
            System.out.println("gateway    " + stack.ingestGatewayUrl());
            System.out.println("rating     " + stack.ratingStreamsUrl());
            System.out.println("invoices   " + stack.invoiceServiceUrl());
        }
        System.out.println("Running; Ctrl-C stops everything.");
        Thread.currentThread().join();
    }
}
