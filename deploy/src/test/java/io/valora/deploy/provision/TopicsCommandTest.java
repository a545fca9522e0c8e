package io.valora.deploy.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TopicsCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseWithoutABootstrapAddress() {
        assertThat(run("--dry-run")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bootstrap HOST:PORT is required").contains("usage:");
    }

    @Test
    void shouldRefuseMoreInSyncReplicasThanReplicas() {
        assertThat(run("--bootstrap", "127.0.0.1:1", "--replication-factor", "1", "--min-insync-replicas", "2"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("every acks=all write would be refused");
    }

    @Test
    void shouldDefaultToProductionReplication() {
        TopicsCommand.Options options = TopicsCommand.Options.parse(List.of("--bootstrap", "h:9092"));
        assertThat(options.registry().replicationFactor()).isEqualTo((short) 3);
        assertThat(options.registry().minInsyncReplicas()).isEqualTo(2);
        assertThat(TopicsCommand.Options.parse(List.of("--bootstrap", "h:9092", "--replication-factor", "1"))
                .registry().minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void shouldSayWhenTheClusterCannotBeReached() {
        assertThat(run("--bootstrap", "127.0.0.1:1", "--dry-run", "--timeout-seconds", "2")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused: could not describe the cluster within");
    }
}
