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
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The steps that start the KRaft nodes of a {@link SecureClusterConfig} on this machine, each broker and controller
 * and its own {@code kafka.Kafka} process: check the ports, write each node's files, format its storage on first use,
 * launch it, wait until the cluster shows every node; and the settings every such node has whatever its listeners.
 *
 * <p>Why it exists: {@link PlaintextCluster} and {@link SecureCluster} start their nodes the same way and differ only
 * in the listeners' security (the {@code server.properties} text, the SCRAM user written at format time, the admin
 * client's properties). One copy of these steps keeps the two clusters alike, which is what a benchmark comparing
 * them relies on.
 */
final class KraftNodes {

    static final String LOG4J_CONFIG = "kafka-log4j2.xml";

    private KraftNodes() {
    }

    /** Fails fast if a node's client or controller port is taken. */
    static void requireFreePorts(SecureClusterConfig config) {
        for (int i = 0; i < config.nodes(); i++) {
            Loopback.requireFree(config.ports().get(i), "Kafka node " + (i + 1));
            Loopback.requireFree(config.controllerPorts().get(i), "Kafka controller " + (i + 1));
        }
    }

    /**
     * The first settings of node {@code nodeId} (1-based), in the order they are written: its role, id and quorum, and
     * its two listeners, {@code brokerListener} (advertised) and {@code CONTROLLER}, on its ports. The caller adds the
     * listeners' security, then {@link #putStorageAndReplication}.
     */
    static Map<String, String> identityAndListeners(SecureClusterConfig config, int nodeId, String brokerListener) {
        int port = config.ports().get(nodeId - 1);
        int controllerPort = config.controllerPorts().get(nodeId - 1);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", config.quorumVoters());
        p.put("listeners", brokerListener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", brokerListener + "://127.0.0.1:" + port);
        return p;
    }

    /** The storage and replication settings of node {@code nodeId}, written after its listeners and security. */
    static void putStorageAndReplication(Map<String, String> p, SecureClusterConfig config, int nodeId) {
        String replicas = Integer.toString(Math.min(3, config.nodes()));
        String minIsr = Integer.toString(Math.min(2, config.nodes()));
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
    }

    /** {@code server.properties} text: {@code header} (one comment line), then each setting, escaped. */
    static String render(String header, Map<String, String> properties) {
        return "# " + header + "\n" + properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + KafkaServerProperties.escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** Writes node {@code id}'s {@code server.properties} and log4j configuration; returns the former's path. */
    static Path writeFiles(SecureClusterConfig config, int id, String serverProperties) {
        Path dir = config.nodeDir(id);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(config.logDir().resolve("kafka-" + id));
            Path file = dir.resolve("server.properties");
            Files.writeString(file, serverProperties, StandardCharsets.UTF_8);
            try (InputStream in = KraftNodes.class.getResourceAsStream(LOG4J_CONFIG)) {
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

    /**
     * Formats node {@code id}'s storage with {@code kafka.tools.StorageTool} unless it already is;
     * {@code extraArguments} follow the usual ones (e.g. {@code --add-scram}).
     */
    static void formatOnFirstStart(SecureClusterConfig config, int id, RuntimeClasspath classpath,
            Path serverProperties, String clusterId, List<String> extraArguments) {
        Path dir = config.nodeDir(id);
        if (Files.exists(dir.resolve("kraft-logs").resolve("meta.properties"))) {
            return;
        }
        Path logs = config.logDir().resolve("kafka-" + id);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx256m",
                "-Dlog4j2.configurationFile=" + dir.resolve(LOG4J_CONFIG), "-Dkafka.logs.dir=" + logs,
                "-cp", classpath.asArgument(), "kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", serverProperties.toString()));
        command.addAll(extraArguments);
        ChildProcess format = ChildProcess.start("kafka-" + id + "-storage-format", command, Map.of(),
                logs.resolve("kafka-storage-format.log"));
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

    /** Starts node {@code id}'s process on {@code serverProperties}; does not wait for it. */
    static ChildProcess launch(SecureClusterConfig config, int id, RuntimeClasspath classpath, Path serverProperties) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(config.jvmOptions());
        command.add("-Djava.awt.headless=true");
        command.add("-Dkafka.logs.dir=" + config.logDir().resolve("kafka-" + id));
        command.add("-Dlog4j2.configurationFile=" + config.nodeDir(id).resolve(LOG4J_CONFIG));
        command.add("-Dlog4j2.shutdownHookEnabled=false");
        command.addAll(List.of("-cp", classpath.asArgument(), KafkaBrokerMain.class.getName(),
                serverProperties.toString()));
        return ChildProcess.start("kafka-" + id, command, Map.of(), config.logDir().resolve("kafka-" + id + ".out"));
    }

    /** {@code client} with the short admin timeouts the start and fault polls use, so one poll never hangs long. */
    static Map<String, Object> shortTimeouts(Map<String, Object> client) {
        Map<String, Object> props = new LinkedHashMap<>(client);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "300");
        return props;
    }

    /**
     * Polls with an admin client on {@code adminProperties} until the cluster shows every node.
     *
     * @param reachedAs how the admin reaches the cluster, for the failure message (e.g. {@code " over SASL_SSL"})
     * @throws IllegalStateException if a node exits first or that does not happen within {@code timeout}
     */
    static void awaitAllNodes(SecureClusterConfig config, Map<String, Object> adminProperties,
            List<ChildProcess> children, Duration timeout, String reachedAs) {
        boolean ready = ClusterWaits.brokersUntil(adminProperties, children, timeout,
                brokers -> brokers.size() == config.nodes(), "the Kafka cluster");
        if (!ready) {
            throw children.get(0).failure("cluster did not show " + config.nodes() + " brokers" + reachedAs + " at "
                    + config.bootstrapServers() + " within " + timeout);
        }
    }

    /** The started nodes, numbered from 1 in launch order, each with its time since launch. */
    static List<SecureCluster.Node> nodes(List<ChildProcess> children) {
        List<SecureCluster.Node> nodes = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            nodes.add(new SecureCluster.Node(i + 1, children.get(i), children.get(i).sinceStart()));
        }
        return nodes;
    }
}
