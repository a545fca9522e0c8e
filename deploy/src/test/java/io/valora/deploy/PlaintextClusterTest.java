package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaintextClusterTest {

    private final SecureClusterConfig config = new SecureClusterConfig(Path.of("target/plain3"), null,
            List.of(9301, 9303, 9305), List.of(9302, 9304, 9306), null);

    @Test
    void everyNodeReplicatesLikeTheSecuredClusterOverPlaintextListeners() {
        Map<String, String> node2 = PlaintextCluster.serverProperties(config, 2);

        assertThat(node2).containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9302,2@127.0.0.1:9304,3@127.0.0.1:9306")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9303,CONTROLLER://127.0.0.1:9304")
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
                .containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2");
        assertThat(node2).doesNotContainKeys("authorizer.class.name", "sasl.enabled.mechanisms");
    }

    @Test
    void replicationAndTopicDefaultsEqualTheSecuredClustersNodeForNode() {
        Map<String, String> secured = SecureServerProperties.of(config, 1,
                new LocalCertificates(Path.of("target/plain3/tls"), "unused"), "unused");
        Map<String, String> plain = PlaintextCluster.serverProperties(config, 1);
        for (String key : List.of("process.roles", "node.id", "controller.quorum.voters", "log.dirs", "num.partitions",
                "default.replication.factor", "min.insync.replicas", "offsets.topic.replication.factor",
                "offsets.topic.num.partitions", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "transaction.state.log.num.partitions",
                "share.coordinator.state.topic.replication.factor", "share.coordinator.state.topic.min.isr",
                "auto.create.topics.enable", "group.initial.rebalance.delay.ms")) {
            assertThat(plain.get(key)).as(key).isNotNull().isEqualTo(secured.get(key));
        }
    }
}
