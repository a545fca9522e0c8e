package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void keepsEverythingUnderDotValoraOnTheDefaultPorts() {
        LocalStackSettings settings = LocalStackSettings.builder(Path.of("/repo")).build();

        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.valora"));
        assertThat(settings.kafka().dataDir()).isEqualTo(Path.of("/repo/.valora/kafka"));
        assertThat(settings.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.postgres().dataDir()).isEqualTo(Path.of("/repo/.valora/postgres"));
        assertThat(settings.postgres().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/valora");
        assertThat(settings.logDir()).isEqualTo(Path.of("/repo/.valora/logs"));
        assertThat(settings.kafka().logDir()).isEqualTo(settings.logDir());
        assertThat(settings.postgres().logDir()).isEqualTo(settings.logDir());
        assertThat(settings.ratingStateDir()).isEqualTo(Path.of("/repo/.valora/rating-streams"));
        assertThat(settings.ports()).isEqualTo(new LocalStackSettings.Ports(9092, 9093, 5433, 8080, 8081, 8082));
        assertThat(settings.topicPartitions()).isEqualTo(3);
        assertThat(settings.withServices()).isTrue();
    }

    @Test
    void freePortsAreDistinct() {
        LocalStackSettings.Ports ports = LocalStackSettings.Ports.free();

        assertThat(java.util.List.of(ports.kafka(), ports.kafkaController(), ports.postgres(), ports.ingestGateway(),
                ports.ratingStreams(), ports.invoiceService())).doesNotHaveDuplicates();
    }

    @Test
    void readsPortsAndOptionsFromSystemProperties() {
        System.setProperty("valora.kafka.port", "19092");
        System.setProperty("valora.services.jvm.options", "-Xmx128m  -Dx=y");
        try {
            LocalStackSettings settings = LocalStackSettings.builder(Path.of("/repo")).fromSystemProperties().build();

            assertThat(settings.ports().kafka()).isEqualTo(19092);
            assertThat(settings.ports().postgres()).isEqualTo(5433);
            assertThat(settings.jvm().services()).containsExactly("-Xmx128m", "-Dx=y");
        } finally {
            System.clearProperty("valora.kafka.port");
            System.clearProperty("valora.services.jvm.options");
        }
    }
}
