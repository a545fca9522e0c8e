package io.valora.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

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
        KraftNodes.requireFreePorts(config);
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + config.dataDir(), e);
        }
        String clusterId = KafkaProcess.clusterId(config.dataDir());
        List<Path> files = new ArrayList<>();
        for (int id = 1; id <= config.nodes(); id++) {
            files.add(KraftNodes.writeFiles(config, id, KraftNodes.render(
                    "Written by io.valora.deploy.PlaintextCluster on every start.", serverProperties(config, id))));
            KraftNodes.formatOnFirstStart(config, id, classpath, files.get(id - 1), clusterId, List.of());
        }
        List<ChildProcess> children = new ArrayList<>();
        try {
            for (int id = 1; id <= config.nodes(); id++) {
                children.add(KraftNodes.launch(config, id, classpath, files.get(id - 1)));
            }
            KraftNodes.awaitAllNodes(config, KraftNodes.shortTimeouts(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers())), children, timeout, "");
            return new PlaintextCluster(config, KraftNodes.nodes(children));
        } catch (RuntimeException e) {
            children.parallelStream().forEach(c -> c.stop(KafkaProcess.STOP_TIMEOUT));
            throw e;
        }
    }

    /** The settings of node {@code nodeId} (1-based): those of {@link SecureServerProperties} without security. */
    static Map<String, String> serverProperties(SecureClusterConfig config, int nodeId) {
        Map<String, String> p = KraftNodes.identityAndListeners(config, nodeId, "PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        KraftNodes.putStorageAndReplication(p, config, nodeId);
        return p;
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
