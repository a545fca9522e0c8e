package io.valora.bench.cluster;

import io.valora.bench.ClientProperties;
import io.valora.deploy.PlaintextCluster;
import io.valora.deploy.RuntimeClasspath;
import io.valora.deploy.SecureClusterConfig;
import io.valora.deploy.topics.TopicRegistry;
import io.valora.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Three plaintext KRaft nodes ({@link PlaintextCluster}), topics with replication 3 and {@code min.insync.replicas=2}
 * as in production: what replication costs, without what security costs.
 */
final class ThreeBrokers extends ThreeNodes {

    private final PlaintextCluster cluster;

    private ThreeBrokers(PlaintextCluster cluster, TopicRegistry registry) {
        super(cluster, cluster::nodes, registry);
        this.cluster = cluster;
    }

    static ThreeBrokers start(Path dir, RuntimeClasspath classpath, Topics topics, int partitions, Duration timeout) {
        PlaintextCluster cluster = PlaintextCluster.start(SecureClusterConfig.onFreePorts(dir.resolve("kafka-plain3"),
                dir.resolve("logs")), classpath, timeout);
        return provisionedOrClosed(cluster, c -> {
            TopicRegistry registry = TopicRegistry.production(topics, partitions);
            Provisioning.topics(ClientProperties.plaintext(c.bootstrapServers()), registry);
            return new ThreeBrokers(c, registry);
        });
    }

    @Override
    public String name() {
        return "plain3";
    }

    @Override
    public ClientProperties benchClient() {
        return ClientProperties.plaintext(cluster.bootstrapServers());
    }

    @Override
    public ClientProperties gatewayClient() {
        return benchClient();
    }

    @Override
    public Map<String, String> serviceEnv(String module) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
    }
}
