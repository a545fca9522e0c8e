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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) as its own OS process:
 * {@code java -cp <runtime classpath> kafka.Kafka server.properties}, through {@link KafkaBrokerMain} so the
 * broker also stops when the launcher dies.
 *
 * <p>On the first start of a data folder the storage is formatted with a new cluster id, kept in
 * {@code <dataDir>/cluster.id}; later starts find the formatted storage and keep all topics and records.
 */
public final class KafkaProcess extends StartedProcess {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOG4J_CONFIG = "kafka-log4j2.xml";

    private final KafkaConfig config;

    private KafkaProcess(KafkaConfig config, ChildProcess process, Duration startupTime) {
        super(process, startupTime);
        this.config = config;
    }

    /**
     * Formats the storage if needed, starts the broker and waits until it serves metadata requests.
     *
     * @throws IllegalStateException if it is not ready within {@code timeout}; the process is stopped then
     */
    public static KafkaProcess start(KafkaConfig config, RuntimeClasspath classpath, Duration timeout) {
        Loopback.requireFree(config.port(), "the Kafka broker");
        Loopback.requireFree(config.controllerPort(), "the Kafka controller");
        Path serverProperties = writeFiles(config);
        formatStorageOnFirstStart(config, classpath, serverProperties);

        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(config.jvmOptions());
        command.add("-Djava.awt.headless=true");
        command.add("-Dkafka.logs.dir=" + config.logDir());
        command.add("-Dlog4j2.configurationFile=" + config.dataDir().resolve(LOG4J_CONFIG));
        // Late loggers during shutdown would otherwise complain that Log4j's own hook cannot be registered.
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.addAll(List.of("-cp", classpath.asArgument(), KafkaBrokerMain.class.getName(), serverProperties.toString()));
        ChildProcess child = ChildProcess.start("kafka", command, Map.of(), config.logDir().resolve("kafka.out"));
        try {
            awaitReady(config, child, timeout);
            return new KafkaProcess(config, child, child.sinceStart());
        } catch (RuntimeException e) {
            child.stop(STOP_TIMEOUT);
            throw e;
        }
    }

    private static Path writeFiles(KafkaConfig config) {
        try {
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.logDir());
            Path serverProperties = config.dataDir().resolve("server.properties");
            Files.writeString(serverProperties, KafkaServerProperties.render(config), StandardCharsets.UTF_8);
            try (InputStream in = KafkaProcess.class.getResourceAsStream(LOG4J_CONFIG)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + LOG4J_CONFIG + " missing from the deploy module");
                }
                Files.copy(in, config.dataDir().resolve(LOG4J_CONFIG), StandardCopyOption.REPLACE_EXISTING);
            }
            return serverProperties;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka data folder " + config.dataDir(), e);
        }
    }

    /** {@code kafka.tools.StorageTool format}, once per data folder (the tool leaves meta.properties behind). */
    private static void formatStorageOnFirstStart(KafkaConfig config, RuntimeClasspath classpath, Path serverProperties) {
        if (Files.exists(config.storageDir().resolve("meta.properties"))) {
            return;
        }
        String clusterId = clusterId(config.dataDir());
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + config.dataDir().resolve(LOG4J_CONFIG),
                "-Dkafka.logs.dir=" + config.logDir(),
                "-cp", classpath.asArgument(), "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", serverProperties.toString());
        ChildProcess format = ChildProcess.start("kafka-storage-format", command, Map.of(),
                config.logDir().resolve("kafka-storage-format.log"));
        try {
            if (!format.process().waitFor(60, TimeUnit.SECONDS)) {
                format.stop(Duration.ofSeconds(5));
                throw format.failure("did not finish formatting " + config.storageDir() + " within 60 s");
            }
            if (format.process().exitValue() != 0) {
                throw format.failure("could not format " + config.storageDir());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /** The cluster id of this data folder, made up on first use. */
    static String clusterId(Path dataDir) {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(KafkaConfig config, ChildProcess child, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        boolean ready;
        try (Admin admin = Admin.create(props)) {
            ready = Poll.until(timeout, () -> {
                if (!child.isAlive()) {
                    throw child.failure("exited while starting");
                }
                if (!Loopback.accepts(config.port())) {
                    return false;
                }
                try {
                    return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                            .nodes().get(3, TimeUnit.SECONDS).isEmpty();
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("waiting for the Kafka broker failed", e);
        }
        if (!ready) {
            throw child.failure("did not answer describeCluster on " + config.bootstrapServers() + " within " + timeout);
        }
    }

    public KafkaConfig config() {
        return config;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** SIGKILL: the broker gets no chance to flush or close its logs (they are recovered on the next start). */
    public void kill() {
        process.kill();
    }

    /** Stops the broker: SIGTERM (a clean shutdown), SIGKILL after 30 s. */
    @Override
    public void close() {
        process.stop(STOP_TIMEOUT);
    }
}
