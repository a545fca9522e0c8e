package io.valora.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything {@link LocalStack} needs to know. Build with {@link #builder(Path)}; every value has a default
 * and a system property (used by {@link LocalStack#main}), listed in {@code deploy/README.md}.
 *
 * @param repoRoot            the Valora checkout: services are run from {@code <module>/target/quarkus-app}
 * @param dataDir             all local state and logs ({@code <repoRoot>/.valora}); delete it to reset
 * @param ports               where each component listens on 127.0.0.1
 * @param topicPrefix         prefix of every Valora topic (empty by default)
 * @param topicPartitions     partitions of each Valora topic
 * @param withServices        false to start only the broker and PostgreSQL (e.g. to run services from an IDE)
 * @param startTimeout        how long each component may take to become ready
 * @param jvm                 JVM options of the child processes
 * @param runtimeClasspathFile the broker's classpath as written by Maven
 * @param progress            receives one line per started or stopped component
 * @param rating              how many rating-streams instances run, and what each is given
 * @param serviceEnv          extra environment per service module ({@code invoice-service}, ...), e.g. an operator
 *                            token only invoice-service knows (Quarkus refuses unknown {@code valora.*} system
 *                            properties, so such settings cannot go to every service)
 */
public record LocalStackSettings(
        Path repoRoot,
        Path dataDir,
        Ports ports,
        String topicPrefix,
        int topicPartitions,
        boolean withServices,
        Duration startTimeout,
        JvmOptions jvm,
        Path runtimeClasspathFile,
        Consumer<String> progress,
        RatingInstances rating,
        Map<String, Map<String, String>> serviceEnv) {
    // Just over 300 lines: one public settings API whose nested types (Ports, JvmOptions, RatingInstances, Builder) callers name; its logic is in SettingsFromSystemProperties and StackPorts.

    /**
     * The rating-streams instances: all share one Kafka Streams application id (so they split the partitions
     * between them) and differ in HTTP port and state directory. Exists so the reliability tests can kill one
     * instance and watch the other take over.
     *
     * @param count      instances, at least 1
     * @param extraPorts HTTP ports of instances 2..count (instance 1 uses {@link Ports#ratingStreams()})
     * @param properties system properties ({@code -Dkey=value}) given to every instance, e.g. a shorter
     *                   {@code kafka-streams.session.timeout.ms} so a killed member leaves the group sooner
     */
    public record RatingInstances(int count, List<Integer> extraPorts, Map<String, String> properties) {

        public RatingInstances {
            if (count < 1) {
                throw new IllegalArgumentException("at least one rating-streams instance: " + count);
            }
            extraPorts = List.copyOf(extraPorts);
            if (extraPorts.size() != count - 1) {
                throw new IllegalArgumentException(count + " rating-streams instances need " + (count - 1)
                        + " extra ports, got " + extraPorts);
            }
            properties = Map.copyOf(properties);
        }

        /** One instance, nothing extra. */
        public static RatingInstances single() {
            return new RatingInstances(1, List.of(), Map.of());
        }
    }

    /**
     * Ports on 127.0.0.1.
     *
     * @param kafka             broker (clients)
     * @param kafkaController   KRaft controller
     * @param postgres          PostgreSQL
     * @param ingestGateway     ingest-gateway HTTP
     * @param ratingStreams     rating-streams HTTP
     * @param invoiceService    invoice-service HTTP
     */
    public record Ports(int kafka, int kafkaController, int postgres, int ingestGateway, int ratingStreams,
            int invoiceService) {

        /** 9092, 9093, 5433, 8080, 8081, 8082. */
        public static Ports defaults() {
            return new Ports(KafkaConfig.DEFAULT_PORT, KafkaConfig.DEFAULT_CONTROLLER_PORT, PostgresServer.DEFAULT_PORT,
                    8080, 8081, 8082);
        }

        /** Ports that are free right now, for tests and side-by-side stacks. */
        public static Ports free() {
            Integer[] p = StackPorts.distinctFree(6);
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
        }
    }

    /**
     * JVM options per kind of child process.
     *
     * @param kafka    the broker
     * @param postgres the small JVM that owns the PostgreSQL server
     * @param services each of the three services
     */
    public record JvmOptions(List<String> kafka, List<String> postgres, List<String> services) {

        public static final List<String> DEFAULT_SERVICE_OPTIONS = List.of("-Xmx256m");

        public JvmOptions {
            kafka = List.copyOf(kafka);
            postgres = List.copyOf(postgres);
            services = List.copyOf(services);
        }

        public static JvmOptions defaults() {
            return new JvmOptions(KafkaConfig.DEFAULT_JVM_OPTIONS, PostgresConfig.DEFAULT_JVM_OPTIONS,
                    DEFAULT_SERVICE_OPTIONS);
        }
    }

    public LocalStackSettings {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(ports, "ports");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("topicPartitions must be at least 1: " + topicPartitions);
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(jvm, "jvm");
        runtimeClasspathFile = runtimeClasspathFile.toAbsolutePath().normalize();
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(rating, "rating");
        serviceEnv = Map.copyOf(serviceEnv);
    }

    /** The extra environment of one service module (empty when none was set). */
    public Map<String, String> serviceEnv(String module) {
        return serviceEnv.getOrDefault(module, Map.of());
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /** The checkout that contains {@code start} (or a parent of it): the nearest folder with {@code mvnw} and {@code deploy/}. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Valora checkout (a folder with mvnw and deploy/) at or above " + start
                + "; set -Dvalora.repo.root");
    }

    public KafkaConfig kafka() {
        return new KafkaConfig(dataDir.resolve("kafka"), logDir(), ports.kafka(), ports.kafkaController(), jvm.kafka());
    }

    public PostgresConfig postgres() {
        return new PostgresConfig(dataDir.resolve("postgres"), logDir(), ports.postgres(), jvm.postgres());
    }

    /** Broker output, PostgreSQL's log and one log file per service. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Kafka Streams state of rating-streams ({@code VALORA_STATE_DIR}) of the first instance. */
    public Path ratingStateDir() {
        return ratingStateDir(1);
    }

    /** State directory of rating-streams instance {@code n} (1-based): {@code rating-streams}, {@code rating-streams-2}, ... */
    public Path ratingStateDir(int n) {
        return dataDir.resolve(ratingInstanceName(n));
    }

    /** Name (process, log file, state folder) of rating-streams instance {@code n} (1-based). */
    public static String ratingInstanceName(int n) {
        return n == 1 ? "rating-streams" : "rating-streams-" + n;
    }

    /** HTTP port of rating-streams instance {@code n} (1-based). */
    public int ratingPort(int n) {
        return n == 1 ? ports.ratingStreams() : rating.extraPorts().get(n - 2);
    }

    /** Builder with the defaults described on {@link LocalStackSettings}. */
    public static final class Builder {
        private final Path repoRoot;
        // Package-private: SettingsFromSystemProperties reads them as fallbacks and sets them.
        Path dataDir;
        Ports ports = Ports.defaults();
        String topicPrefix = "";
        int topicPartitions = 3;
        boolean withServices = true;
        Duration startTimeout = Duration.ofSeconds(120);
        JvmOptions jvm = JvmOptions.defaults();
        Path runtimeClasspathFile;
        private Consumer<String> progress = System.out::println;
        int ratingInstances = 1;
        List<Integer> extraRatingPorts;
        private Map<String, String> ratingProperties = Map.of();
        private final Map<String, Map<String, String>> serviceEnv = new java.util.HashMap<>();

        private Builder(Path repoRoot) {
            this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
        }

        /** Default {@code <repoRoot>/.valora}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        public Builder topicPrefix(String topicPrefix) {
            this.topicPrefix = topicPrefix;
            return this;
        }

        /** Default 3. */
        public Builder topicPartitions(int topicPartitions) {
            this.topicPartitions = topicPartitions;
            return this;
        }

        /** Default true; false starts the broker and PostgreSQL only. */
        public Builder withServices(boolean withServices) {
            this.withServices = withServices;
            return this;
        }

        /** Per component; default 120 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder jvm(JvmOptions jvm) {
            this.jvm = jvm;
            return this;
        }

        /** Default: {@code -Dvalora.runtime.classpath}, else {@code <repoRoot>/deploy/target/runtime.classpath}. */
        public Builder runtimeClasspathFile(Path runtimeClasspathFile) {
            this.runtimeClasspathFile = runtimeClasspathFile;
            return this;
        }

        /** Default {@code System.out::println}. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** Default 1. More instances get free HTTP ports unless {@link #extraRatingPorts} names them. */
        public Builder ratingInstances(int ratingInstances) {
            this.ratingInstances = ratingInstances;
            return this;
        }

        /** HTTP ports of rating-streams instances 2..n. */
        public Builder extraRatingPorts(List<Integer> extraRatingPorts) {
            this.extraRatingPorts = extraRatingPorts;
            return this;
        }

        /** Extra environment variables for one service module (every instance of it); default none. */
        public Builder serviceEnv(String module, Map<String, String> env) {
            serviceEnv.put(module, Map.copyOf(env));
            return this;
        }

        /** System properties for every rating-streams instance; default none. */
        public Builder ratingProperties(Map<String, String> ratingProperties) {
            this.ratingProperties = ratingProperties;
            return this;
        }

        /**
         * Reads the {@code valora.*} system properties (see {@code deploy/README.md}); absent ones keep the
         * builder's values.
         */
        public Builder fromSystemProperties() {
            SettingsFromSystemProperties.applyTo(this);
            return this;
        }

        public LocalStackSettings build() {
            return new LocalStackSettings(repoRoot,
                    dataDir != null ? dataDir : repoRoot.resolve(".valora"),
                    ports, topicPrefix, topicPartitions, withServices, startTimeout, jvm,
                    runtimeClasspathFile != null ? runtimeClasspathFile : RuntimeClasspath.defaultFile(repoRoot),
                    progress, new RatingInstances(ratingInstances, extraPorts(), ratingProperties), serviceEnv);
        }

        private List<Integer> extraPorts() {
            if (extraRatingPorts != null) {
                return extraRatingPorts;
            }
            return StackPorts.freeBesides(ports, ratingInstances - 1);
        }
    }
}
