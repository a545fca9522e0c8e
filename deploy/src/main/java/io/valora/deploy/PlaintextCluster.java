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
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Three (or more) KRaft nodes on this machine, each broker and controller and its own {@code kafka.Kafka} process,
 * with replication 3 and {@code min.insync.replicas=2} like {@link SecureCluster} but without TLS, SASL or ACLs.
 *
 * <p>Why it exists: to tell what replication costs apart from what security costs, a benchmark compares one
 * plaintext broker, this cluster and the secured one (docs/benchmarks.md, issue 16). Neither {@link LocalStack} nor
 * {@link SecureCluster} starts a plaintext replicated cluster. Ports and folders come in a
 * {@link SecureClusterConfig} (its fields fit a plaintext cluster as they are; the TLS files are not made).
 */
public final class PlaintextCluster implements Component {

    private static final String LOG4J_CONFIG = "kafka-log4j2.xml";

    private final SecureClusterConfig config;
    private final List<SecureCluster.Node> nodes;

    private PlaintextCluster(SecureClusterConfig config, List<SecureCluster.Node> nodes) {
        this.config = config;
        this.nodes = nodes;
    }

    /**
     * Formats each node's storage on first use, starts every node and returns once the cluster shows all of them.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}; every node is stopped then
     */
    public static PlaintextCluster start(SecureClusterConfig config, RuntimeClasspath classpath, Duration timeout) {
        for (int i = 0; i < config.nodes(); i++) {
            Loopback.requireFree(config.ports().get(i), "Kafka node " + (i + 1));
            Loopback.requireFree(config.controllerPorts().get(i), "Kafka controller " + (i + 1));
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + config.dataDir(), e);
        }
        String clusterId = KafkaProcess.clusterId(config.dataDir());
        List<Path> files = new ArrayList<>();
        for (int id = 1; id <= config.nodes(); id++) {
            files.add(writeFiles(config, id));
            format(config, id, classpath, files.get(id - 1), clusterId);
        }
        List<ChildProcess> children = new ArrayList<>();
        try {
            for (int id = 1; id <= config.nodes(); id++) {
                children.add(launch(config, id, classpath, files.get(id - 1)));
            }
            awaitAllNodes(config, children, timeout);
            List<SecureCluster.Node> nodes = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                nodes.add(new SecureCluster.Node(i + 1, children.get(i), children.get(i).sinceStart()));
            }
            return new PlaintextCluster(config, nodes);
        } catch (RuntimeException e) {
            children.parallelStream().forEach(c -> c.stop(KafkaProcess.STOP_TIMEOUT));
            throw e;
        }
    }

    /** The settings of node {@code nodeId} (1-based): those of {@link SecureServerProperties} without security. */
    static Map<String, String> serverProperties(SecureClusterConfig config, int nodeId) {
        int port = config.ports().get(nodeId - 1);
        int controllerPort = config.controllerPorts().get(nodeId - 1);
        String replicas = Integer.toString(Math.min(3, config.nodes()));
        String minIsr = Integer.toString(Math.min(2, config.nodes()));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", config.quorumVoters());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", config.nodeDir(nodeId).resolve("kraft-logs").toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static Path writeFiles(SecureClusterConfig config, int id) {
        Path dir = config.nodeDir(id);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(config.logDir().resolve("kafka-" + id));
            Path file = dir.resolve("server.properties");
            Files.writeString(file, "# Written by io.valora.deploy.PlaintextCluster on every start.\n"
                    + serverProperties(config, id).entrySet().stream()
                            .map(e -> e.getKey() + "=" + KafkaServerProperties.escape(e.getValue()))
                            .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
            try (InputStream in = PlaintextCluster.class.getResourceAsStream(LOG4J_CONFIG)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + LOG4J_CONFIG + " missing from the deploy module");
                }
                Files.copy(in, dir.resolve(LOG4J_CONFIG), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
    }

    private static void format(SecureClusterConfig config, int id, RuntimeClasspath classpath, Path file,
            String clusterId) {
        Path dir = config.nodeDir(id);
        if (Files.exists(dir.resolve("kraft-logs").resolve("meta.properties"))) {
            return;
        }
        Path logs = config.logDir().resolve("kafka-" + id);
        ChildProcess format = ChildProcess.start("kafka-" + id + "-storage-format", List.of(ChildProcess.javaExecutable(),
                "-Xmx256m", "-Dlog4j2.configurationFile=" + dir.resolve(LOG4J_CONFIG), "-Dkafka.logs.dir=" + logs,
                "-cp", classpath.asArgument(), "kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", file.toString()), Map.of(), logs.resolve("kafka-storage-format.log"));
        try {
            if (!format.process().waitFor(60, TimeUnit.SECONDS)) {
                format.stop(Duration.ofSeconds(5));
                throw format.failure("did not finish within 60 s");
            }
            if (format.process().exitValue() != 0) {
                throw format.failure("could not format " + dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static ChildProcess launch(SecureClusterConfig config, int id, RuntimeClasspath classpath, Path file) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(config.jvmOptions());
        command.add("-Djava.awt.headless=true");
        command.add("-Dkafka.logs.dir=" + config.logDir().resolve("kafka-" + id));
        command.add("-Dlog4j2.configurationFile=" + config.nodeDir(id).resolve(LOG4J_CONFIG));
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.addAll(List.of("-cp", classpath.asArgument(), KafkaBrokerMain.class.getName(), file.toString()));
        return ChildProcess.start("kafka-" + id, command, Map.of(), config.logDir().resolve("kafka-" + id + ".out"));
    }

    private static void awaitAllNodes(SecureClusterConfig config, List<ChildProcess> children, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "300");
        boolean ready;
        try (Admin admin = Admin.create(props)) {
            ready = Poll.until(timeout, () -> {
                for (ChildProcess child : children) {
                    if (!child.isAlive()) {
                        throw child.failure("exited while starting");
                    }
                }
                try {
                    return admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS).size() == config.nodes();
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("waiting for the Kafka cluster failed", e);
        }
        if (!ready) {
            throw children.get(0).failure("cluster did not show " + config.nodes() + " brokers at "
                    + config.bootstrapServers() + " within " + timeout);
        }
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public SecureClusterConfig config() {
        return config;
    }

    public List<SecureCluster.Node> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public String name() {
        return "kafka x" + nodes.size() + " (plaintext)";
    }

    /** The first node's pid. */
    @Override
    public long pid() {
        return nodes.isEmpty() ? -1 : nodes.get(0).pid();
    }

    /** Until the last node joined. */
    @Override
    public Duration startupTime() {
        return nodes.stream().map(SecureCluster.Node::startupTime).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    @Override
    public long rssBytes() {
        return nodes.stream().mapToLong(SecureCluster.Node::rssBytes).sum();
    }

    /** Stops every node at once, as {@link SecureCluster#close()} does and for the same reason. Idempotent. */
    @Override
    public void close() {
        nodes.parallelStream().forEach(SecureCluster.Node::close);
    }
}
