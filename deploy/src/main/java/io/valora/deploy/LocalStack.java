package io.valora.deploy;

import io.valora.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * <p>Start order: broker, PostgreSQL, topics, invoice-service, rating-streams (one or more instances),
 * ingest-gateway. {@link #close()} stops in reverse order; so does a failed start before it throws, and so does
 * Ctrl-C (a shutdown hook).
 *
 * <p>Controlled faults for the reliability tests: {@link #killService} (SIGKILL), {@link #restartService},
 * {@link #stopBroker} / {@link #startBroker} (same data folder, so every record survives).
 */
public final class LocalStack implements AutoCloseable {

    public static final String INVOICE_SERVICE = "invoice-service";
    public static final String RATING_STREAMS = "rating-streams";
    public static final String INGEST_GATEWAY = "ingest-gateway";

    private final LocalStackSettings settings;
    private final StartedComponents started;
    private final StackKafka kafka;
    private final StackServices services;
    private final Thread shutdownHook = new Thread(this::stopAll, "valora-local-stack-stop");
    private PostgresProcess postgres;
    private boolean closed;

    private LocalStack(LocalStackSettings settings, SecureClusterConfig secureConfig) {
        this.settings = settings;
        this.started = new StartedComponents(settings.progress());
        this.kafka = new StackKafka(settings, started, secureConfig);
        this.services = new StackServices(settings, kafka, started);
    }

    /**
     * Starts every component and returns once all are ready.
     *
     * @throws IllegalStateException if a component does not start; whatever had started is stopped first
     */
    public static LocalStack start(LocalStackSettings settings) {
        return start(settings, (SecureClusterConfig) null);
    }

    /**
     * As {@link #start(LocalStackSettings)}, but on a secured, replicated cluster ({@link SecureCluster}: three
     * KRaft nodes, SASL_SSL with SCRAM-SHA-512, ACLs) in {@code <dataDir>/kafka-secure}, on ports 9192-9197 (or
     * {@code valora.secure.kafka.ports} / {@code valora.secure.kafka.controller.ports}). The topics get replication
     * 3 and {@code min.insync.replicas=2}, each service its own SCRAM user and exactly its ACLs
     * ({@link io.valora.deploy.acls.ServiceAcls}).
     */
    public static LocalStack startSecure(LocalStackSettings settings) {
        return startSecure(settings, StackKafka.secureClusterConfig(settings));
    }

    /**
     * As {@link #startSecure(LocalStackSettings)} with the cluster's folder and ports given, e.g.
     * {@link SecureClusterConfig#onFreePorts} for tests and side-by-side stacks.
     */
    public static LocalStack startSecure(LocalStackSettings settings, SecureClusterConfig cluster) {
        return start(settings, cluster);
    }

    /** The plain stack, or the secured one with {@code secure} (its cluster on the default or configured ports). */
    public static LocalStack start(LocalStackSettings settings, boolean secure) {
        return secure ? startSecure(settings) : start(settings);
    }

    /** {@code cluster} null: the plain single broker. */
    private static LocalStack start(LocalStackSettings settings, SecureClusterConfig cluster) {
        LocalStack stack = new LocalStack(settings, cluster);
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

        kafka.start(classpath, timeout);
        postgres = started.add(PostgresProcess.start(settings.postgres(), classpath, timeout));
        kafka.provision();
        if (settings.withServices()) {
            startServices();
        }
    }

    /**
     * Starts the three services on a stack started without them ({@code withServices(false)}), e.g. after a test
     * has written catalog records that rating-streams must find when it starts.
     *
     * @throws IllegalStateException if services run already, or one does not start (the stack stays up then;
     *                               {@link #close()} stops it)
     */
    public synchronized void startServices() {
        services.startAll(postgres);
    }

    /**
     * SIGKILL to a running service ({@link #INVOICE_SERVICE}, {@code rating-streams-2}, ...): a crash, with no
     * clean shutdown. It stays down until {@link #restartService}.
     */
    public void killService(String name) {
        services.kill(name);
    }

    /**
     * Starts a service again with the same command, port and environment (state folders included), after
     * stopping it cleanly if it still runs; returns once it is ready.
     */
    public synchronized ServiceProcess restartService(String name) {
        return services.restart(name);
    }

    /** Stops the broker cleanly (SIGTERM); its data folder is kept for {@link #startBroker}. */
    public synchronized void stopBroker() {
        kafka.stopBroker();
    }

    /** SIGKILL to the broker: what a power cut does to it; its data folder is kept for {@link #startBroker}. */
    public synchronized void killBroker() {
        kafka.killBroker();
    }

    /** Starts the broker again on the same data folder and ports; every acknowledged record is still there. */
    public synchronized void startBroker() {
        kafka.startBroker();
    }

    /**
     * Secured stack: SIGKILL to Kafka node {@code id} (1-based; each node is broker and controller), e.g. the active
     * controller ({@link SecureCluster#activeControllerId}); returns once the other nodes have fenced it. Its data
     * folder is kept for {@link #startKafkaNode}.
     */
    public synchronized void killKafkaNode(int id) {
        kafka.killNode(id);
    }

    /**
     * Secured stack: starts Kafka node {@code id} again on its data folder and ports; returns once it is in the
     * cluster and every partition has all its replicas in sync again.
     */
    public synchronized void startKafkaNode(int id) {
        kafka.startNode(id);
    }

    public LocalStackSettings settings() {
        return settings;
    }

    /** The topic names in use (with the configured prefix). */
    public Topics topics() {
        return new Topics(settings.topicPrefix());
    }

    /** {@code 127.0.0.1:<port>} (secured stack: the three brokers, comma separated). */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Client properties with every right, for tools and tests that watch the topics (e.g. read
     * {@code rated-charges}): the plain broker's address, or on the secured stack its super user {@code admin}
     * over SASL_SSL with the local truststore.
     */
    public Map<String, Object> adminClientProperties() {
        return kafka.adminClientProperties();
    }

    /** The secured cluster, on a stack started with {@link #startSecure}. */
    public Optional<SecureCluster> secureCluster() {
        return kafka.secureCluster();
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/valora}; user and password {@code postgres}. */
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** The plain broker; null on the secured stack. */
    public KafkaProcess kafka() {
        return kafka.plain();
    }

    public PostgresProcess postgres() {
        return postgres;
    }

    /** {@code http://127.0.0.1:<port>} of ingest-gateway. */
    public String ingestGatewayUrl() {
        return "http://127.0.0.1:" + settings.ports().ingestGateway();
    }

    /** {@code http://127.0.0.1:<port>} of rating-streams (its first instance). */
    public String ratingStreamsUrl() {
        return "http://127.0.0.1:" + settings.ports().ratingStreams();
    }

    /** {@code http://127.0.0.1:<port>} of rating-streams instance {@code n} (1-based). */
    public String ratingStreamsUrl(int n) {
        return "http://127.0.0.1:" + settings.ratingPort(n);
    }

    /** {@code http://127.0.0.1:<port>} of invoice-service. */
    public String invoiceServiceUrl() {
        return "http://127.0.0.1:" + settings.ports().invoiceService();
    }

    /** A running service by name ({@link #INVOICE_SERVICE}, ...), if it was started. */
    public Optional<ServiceProcess> service(String name) {
        return services.get(name);
    }

    /** What is running, in start order; each has its start-up time and current RSS. */
    public List<Component> components() {
        return started.all();
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
        started.stopInReverse();
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
        boolean secure = List.of(args).contains("--secure");
        LocalStack stack = start(builder.build(), secure);
        System.out.println("Kafka      " + stack.bootstrapServers() + (secure ? " (SASL_SSL, SCRAM-SHA-512)" : ""));
        stack.secureCluster().ifPresent(c -> {
            System.out.println("  truststore " + c.tls().truststore() + " (password in " + c.config().dataDir()
                    .resolve("secrets.properties") + "); admin client configuration: see docs/operations.md");
        });
        System.out.println("PostgreSQL " + stack.jdbcUrl() + " (user postgres)");
        if (stack.settings().withServices()) {
            System.out.println("gateway    " + stack.ingestGatewayUrl());
            for (int n = 1; n <= stack.settings().rating().count(); n++) {
                System.out.println("rating     " + stack.ratingStreamsUrl(n));
            }
            System.out.println("invoices   " + stack.invoiceServiceUrl());
        }
        System.out.println("Running; Ctrl-C stops everything.");
        Thread.currentThread().join();
    }
}
