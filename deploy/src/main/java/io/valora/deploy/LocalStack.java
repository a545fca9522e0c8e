package io.valora.deploy;

import io.valora.deploy.acls.AclProvisioner;
import io.valora.deploy.acls.ServiceAcls;
import io.valora.deploy.acls.ServicePrincipals;
import io.valora.deploy.topics.ProvisioningRefused;
import io.valora.deploy.topics.TopicProvisioner;
import io.valora.deploy.topics.TopicRegistry;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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
    private final boolean secure;
    private final SecureClusterConfig secureConfig;
    private SecureCluster secureKafka;
    private final List<Component> started = Collections.synchronizedList(new ArrayList<>());
    private final Thread shutdownHook = new Thread(this::stopAll, "valora-local-stack-stop");
    private KafkaProcess kafka;
    private PostgresProcess postgres;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private boolean closed;

    private LocalStack(LocalStackSettings settings, SecureClusterConfig secureConfig) {
        this.settings = settings;
        this.secure = secureConfig != null;
        this.secureConfig = secureConfig;
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
     * ({@link ServiceAcls}).
     */
    public static LocalStack startSecure(LocalStackSettings settings) {
        return startSecure(settings, secureClusterConfig(settings));
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

        if (secure) {
            startSecureKafka(classpath, timeout);
        } else {
            kafka = started(KafkaProcess.start(settings.kafka(), classpath, timeout));
        }
        postgres = started(PostgresProcess.start(settings.postgres(), classpath, timeout));
        if (secure) {
            provisionSecure();
        } else {
            createTopics();
        }
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
        if (!services.isEmpty()) {
            throw new IllegalStateException("services already started: " + services.keySet());
        }
        LocalStackSettings.Ports ports = settings.ports();
        startService(INVOICE_SERVICE, INVOICE_SERVICE, ports.invoiceService(), Map.of(
                // The server's superuser owns the tables and migrates them; requests and the cross-tenant work run on
                // the login roles valora_api and valora_worker, which the service creates itself in the local profile.
                "VALORA_DB_URL", postgres.jdbcUrl(),
                "VALORA_DB_MIGRATION_USER", postgres.user(),
                "VALORA_DB_MIGRATION_PASSWORD", postgres.password()), List.of());
        Map<String, String> ratingProperties = new LinkedHashMap<>(settings.rating().properties());
        if (secure) {
            ratingProperties.putAll(secureRegistry().ratingStreamsProperties());
        }
        List<String> ratingOptions = ratingProperties.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).sorted().toList();
        for (int n = 1; n <= settings.rating().count(); n++) {
            startService(LocalStackSettings.ratingInstanceName(n), RATING_STREAMS, settings.ratingPort(n), Map.of(
                    "VALORA_STATE_DIR", settings.ratingStateDir(n).toString()), ratingOptions);
        }
        startService(INGEST_GATEWAY, INGEST_GATEWAY, ports.ingestGateway(), Map.of(), List.of());
    }

    private <C extends Component> C started(C component) {
        started.add(component);
        settings.progress().accept("  " + component.summary());
        return component;
    }

    /** Puts a restarted component in the place of its earlier process, so stopping keeps the start order. */
    private <C extends Component> C replaced(Component old, C component) {
        synchronized (started) {
            int at = started.indexOf(old);
            if (at >= 0) {
                started.set(at, component);
            } else {
                started.add(component);
            }
        }
        settings.progress().accept("  " + component.summary());
        return component;
    }

    private void createTopics() {
        TopicRegistry registry = TopicRegistry.local(topics(), settings.topicPartitions());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            provisioner.createMissing(registry, provisioner.check(registry));
        } catch (ProvisioningRefused e) {
            throw new IllegalStateException("could not create topics: " + e.getMessage(), e);
        }
        settings.progress().accept("  topics           " + registry.topics().all() + ", " + settings.topicPartitions()
                + " partitions each");
    }

    private void startSecureKafka(RuntimeClasspath classpath, Duration timeout) {
        secureKafka = started(SecureCluster.start(secureConfig, classpath, timeout));
        ServicePrincipals principals = ServicePrincipals.defaults();
        for (String principal : List.of(principals.gateway(), principals.rating(), principals.invoice())) {
            secureKafka.createUser(ServicePrincipals.userName(principal), timeout);
        }
        settings.progress().accept("  users            admin (super user), " + String.join(", ",
                principals.gateway(), principals.rating(), principals.invoice()) + " (SCRAM-SHA-512; passwords in "
                + secureKafka.config().dataDir().resolve("secrets.properties") + ")");
    }

    /** The secured cluster's folder and ports: {@code <dataDir>/kafka-secure}, 9192/9194/9196 (controllers +1). */
    static SecureClusterConfig secureClusterConfig(LocalStackSettings settings) {
        return new SecureClusterConfig(settings.dataDir().resolve("kafka-secure"), settings.logDir(),
                ports("valora.secure.kafka.ports", SecureClusterConfig.DEFAULT_PORTS),
                ports("valora.secure.kafka.controller.ports", SecureClusterConfig.DEFAULT_CONTROLLER_PORTS), null);
    }

    private static List<Integer> ports(String property, List<Integer> fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback
                : java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private TopicRegistry secureRegistry() {
        return TopicRegistry.production(topics(), settings.topicPartitions());
    }

    /** Topics with replication 3 and min.insync.replicas 2, then the services' ACLs, as the super user. */
    private void provisionSecure() {
        TopicRegistry registry = secureRegistry();
        try (Admin admin = Admin.create(secureKafka.adminProperties())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            provisioner.createMissing(registry, provisioner.check(registry));
            AclProvisioner acls = new AclProvisioner(admin, Duration.ofSeconds(30));
            acls.create(acls.missing(ServiceAcls.all(registry.topics(), ServicePrincipals.defaults())));
        } catch (ProvisioningRefused e) {
            throw new IllegalStateException("could not provision the secured cluster: " + e.getMessage(), e);
        }
        settings.progress().accept("  topics           " + registry.topics().all() + ", " + registry.partitions()
                + " partitions, replication " + registry.replicationFactor() + ", min.insync.replicas "
                + registry.minInsyncReplicas() + "; ACLs of every service applied");
    }

    private static String principalOf(String module) {
        ServicePrincipals principals = ServicePrincipals.defaults();
        return switch (module) {
            case INGEST_GATEWAY -> principals.gateway();
            case RATING_STREAMS -> principals.rating();
            case INVOICE_SERVICE -> principals.invoice();
            default -> throw new IllegalArgumentException("no principal for module " + module);
        };
    }

    private void startService(String name, String module, int port, Map<String, String> extraEnv,
            List<String> extraJvmOptions) {
        Map<String, String> env = new LinkedHashMap<>(settings.serviceEnv(module));
        env.putAll(extraEnv);
        if (secure) {
            env.putAll(secureKafka.serviceEnv(ServicePrincipals.userName(principalOf(module))));
        } else {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        if (!settings.topicPrefix().isEmpty()) {
            env.put("VALORA_TOPICS_PREFIX", settings.topicPrefix());
        }
        Path moduleDir = settings.repoRoot().resolve(module);
        if (!java.nio.file.Files.isRegularFile(ServiceSpec.quarkusRunJar(moduleDir))) {
            throw new IllegalStateException(module + " is not built (" + ServiceSpec.quarkusRunJar(moduleDir)
                    + " is missing): run ./mvnw -B package -DskipTests first");
        }
        List<String> jvmOptions = new ArrayList<>(settings.jvm().services());
        jvmOptions.addAll(extraJvmOptions);
        ServiceSpec spec = ServiceSpec.quarkusApp(name, moduleDir, port, env, jvmOptions);
        services.put(name, started(ServiceProcess.start(spec, settings.logDir(), settings.startTimeout())));
    }

    /**
     * SIGKILL to a running service ({@link #INVOICE_SERVICE}, {@code rating-streams-2}, ...): a crash, with no
     * clean shutdown. It stays down until {@link #restartService}.
     */
    public void killService(String name) {
        ServiceProcess service = requireService(name);
        long pid = service.pid();
        service.kill();
        settings.progress().accept("  killed " + name + " (SIGKILL, pid " + pid + ")");
    }

    /**
     * Starts a service again with the same command, port and environment (state folders included), after
     * stopping it cleanly if it still runs; returns once it is ready.
     */
    public synchronized ServiceProcess restartService(String name) {
        ServiceProcess old = requireService(name);
        if (old.isAlive()) {
            old.close();
            settings.progress().accept("  stopped " + name + " for a restart");
        }
        ServiceProcess fresh = ServiceProcess.start(old.spec(), settings.logDir(), settings.startTimeout());
        services.put(name, replaced(old, fresh));
        return fresh;
    }

    /** Stops the broker cleanly (SIGTERM); its data folder is kept for {@link #startBroker}. */
    public synchronized void stopBroker() {
        requirePlainBroker();
        kafka.close();
        settings.progress().accept("  stopped kafka (data kept in " + settings.kafka().dataDir() + ")");
    }

    /** SIGKILL to the broker: what a power cut does to it; its data folder is kept for {@link #startBroker}. */
    public synchronized void killBroker() {
        requirePlainBroker();
        long pid = kafka.pid();
        kafka.kill();
        settings.progress().accept("  killed kafka (SIGKILL, pid " + pid + ")");
    }

    /** Starts the broker again on the same data folder and ports; every acknowledged record is still there. */
    public synchronized void startBroker() {
        requirePlainBroker();
        if (kafka.isAlive()) {
            throw new IllegalStateException("the broker still runs (pid " + kafka.pid() + ")");
        }
        KafkaProcess old = kafka;
        kafka = replaced(old, KafkaProcess.start(settings.kafka(),
                RuntimeClasspath.load(settings.runtimeClasspathFile()), settings.startTimeout()));
    }

    /**
     * Secured stack: SIGKILL to Kafka node {@code id} (1-based; each node is broker and controller), e.g. the active
     * controller ({@link SecureCluster#activeControllerId}); returns once the other nodes have fenced it. Its data
     * folder is kept for {@link #startKafkaNode}.
     */
    public synchronized void killKafkaNode(int id) {
        SecureCluster cluster = requireSecureCluster();
        long pid = cluster.nodes().get(id - 1).pid();
        long begin = System.nanoTime();
        cluster.killNode(id, settings.startTimeout());
        settings.progress().accept("  killed kafka-" + id + " (SIGKILL, pid " + pid + "), fenced by the cluster after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms");
    }

    /**
     * Secured stack: starts Kafka node {@code id} again on its data folder and ports; returns once it is in the
     * cluster and every partition has all its replicas in sync again.
     */
    public synchronized void startKafkaNode(int id) {
        SecureCluster.Node node = requireSecureCluster().startNode(id, settings.startTimeout());
        settings.progress().accept("  " + node.summary() + ", replicas in sync");
    }

    private SecureCluster requireSecureCluster() {
        if (!secure) {
            throw new IllegalStateException("the plain stack has one broker: use killBroker() / startBroker()");
        }
        return secureKafka;
    }

    private void requirePlainBroker() {
        if (secure) {
            throw new IllegalStateException("the secured stack has three brokers: use secureCluster().nodes()");
        }
    }

    private ServiceProcess requireService(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this stack; there are " + services.keySet());
        }
        return service;
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
        return secure ? secureKafka.bootstrapServers() : kafka.bootstrapServers();
    }

    /**
     * Client properties with every right, for tools and tests that watch the topics (e.g. read
     * {@code rated-charges}): the plain broker's address, or on the secured stack its super user {@code admin}
     * over SASL_SSL with the local truststore.
     */
    public Map<String, Object> adminClientProperties() {
        return secure ? secureKafka.adminProperties()
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    /** The secured cluster, on a stack started with {@link #startSecure}. */
    public Optional<SecureCluster> secureCluster() {
        return Optional.ofNullable(secureKafka);
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
