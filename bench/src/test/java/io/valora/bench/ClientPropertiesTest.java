package io.valora.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void commandConfigAddsItsKeysToTheBootstrapServersGivenOnTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
                """);

        ClientProperties client = ClientProperties.load(file, "127.0.0.1:9192");

        assertThat(client.bootstrapServers()).isEqualTo("127.0.0.1:9192");
        assertThat(client.values()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
    }

    @Test
    void bootstrapServersInTheFileWinBecauseTheFileNamesItsCluster() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=10.0.0.1:9093\n");

        assertThat(ClientProperties.load(file, "127.0.0.1:9092").bootstrapServers()).isEqualTo("10.0.0.1:9093");
    }

    @Test
    void writtenFileReadsBackTheSameSettings() {
        ClientProperties client = new ClientProperties(Map.of("bootstrap.servers", "127.0.0.1:1",
                "sasl.jaas.config", "x required username=\"a b\" password=\"c=d\";", "linger.ms", 5));

        ClientProperties back = ClientProperties.load(client.writeTo(dir.resolve("out.properties")), "ignored:1");

        assertThat(back.values()).containsEntry("sasl.jaas.config", "x required username=\"a b\" password=\"c=d\";")
                .containsEntry("linger.ms", "5").containsEntry("bootstrap.servers", "127.0.0.1:1");
    }

    @Test
    void refusesSettingsWithoutBootstrapServers() {
        assertThatThrownBy(() -> new ClientProperties(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    }
}
