package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private final KafkaConfig config = new KafkaConfig(Path.of("/data/kafka"), null, 19092, 19093, List.of());

    @Test
    void describesOneCombinedKraftNodeOnLoopback() {
        Map<String, String> p = KafkaServerProperties.of(config);

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/kraft-logs");
    }

    @Test
    void givesEveryInternalTopicOneReplica() {
        assertThat(KafkaServerProperties.of(config))
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1");
    }

    @Test
    void neverCreatesTopicsOnFirstUseAndRebalancesWithoutDelay() {
        assertThat(KafkaServerProperties.of(config))
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void rendersAFileThatPropertiesReadsBackUnchanged() throws IOException {
        KafkaConfig windowsLike = new KafkaConfig(Path.of("C:\\valora\\kafka"), null, 9092, 9093, List.of());
        Properties read = new Properties();
        read.load(new StringReader(KafkaServerProperties.render(windowsLike)));

        assertThat(read).containsExactlyInAnyOrderEntriesOf(KafkaServerProperties.of(windowsLike));
    }

    @Test
    void defaultsToPorts9092And9093AndLogsInsideTheDataFolder() {
        KafkaConfig defaults = KafkaConfig.of(Path.of("/data/kafka"));

        assertThat(defaults.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(KafkaServerProperties.of(defaults)).containsEntry("controller.quorum.voters", "1@127.0.0.1:9093");
        assertThat(defaults.logDir()).isEqualTo(Path.of("/data/kafka/logs"));
    }

    @Test
    void rejectsTheSamePortForBrokerAndController() {
        assertThatThrownBy(() -> new KafkaConfig(Path.of("/d"), null, 9092, 9092, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must differ");
    }
}
