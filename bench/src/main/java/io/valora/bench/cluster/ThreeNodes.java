package io.valora.bench.cluster;

import io.valora.deploy.Component;
import io.valora.deploy.SecureCluster;
import io.valora.deploy.topics.TopicRegistry;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the two three-node clusters of the comparison ({@link ThreeBrokers}, {@link SecuredThreeBrokers}) have in
 * common: the started cluster, its nodes' pids and the provisioned topics, and stopping the cluster if provisioning
 * fails. Exists so the two differ only in how clients connect, which is what the comparison measures.
 */
abstract class ThreeNodes implements ClusterUnderTest {

    private final Component cluster;
    private final Supplier<List<SecureCluster.Node>> nodes;
    private final TopicRegistry registry;

    ThreeNodes(Component cluster, Supplier<List<SecureCluster.Node>> nodes, TopicRegistry registry) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.registry = registry;
    }

    /** {@code provision} applied to the started {@code cluster}; the cluster is stopped if it throws. */
    static <C extends Component, T> T provisionedOrClosed(C cluster, Function<C, T> provision) {
        try {
            return provision.apply(cluster);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public List<Long> brokerPids() {
        return nodes.get().stream().map(SecureCluster.Node::pid).toList();
    }

    @Override
    public TopicRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
