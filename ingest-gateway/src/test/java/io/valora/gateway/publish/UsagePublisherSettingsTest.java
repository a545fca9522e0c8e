package io.valora.gateway.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.service.kafka.KafkaClientConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What the gateway does at start-up with the operator's {@code kafka.*} keys: the same calls as
 * {@code KafkaClients} (building the {@link KafkaClientConfig}) and {@link UsagePublisher}'s
 * constructor, both run when the application starts, so a refusal here stops the gateway there.
 */
class UsagePublisherSettingsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @CsvSource({"acks,1", "enable.idempotence,false", "isolation.level,read_uncommitted"})
    void refusesAWeakenedGuaranteeNamingIt(String key, String value) {
        assertThatThrownBy(() -> UsagePublisher.producerProperties(
                new KafkaClientConfig(Map.of("bootstrap.servers", "b:9092", key, value)), TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka." + key + "=" + value);
    }

    @Test
    void keepsItsTuningAsDefaultsTheOperatorMayOverride() {
        Map<String, Object> props = UsagePublisher.producerProperties(
                new KafkaClientConfig(Map.of("bootstrap.servers", "b:9092", "compression.type", "zstd")), TIMEOUT);

        assertThat(props).containsEntry("compression.type", "zstd").containsEntry("linger.ms", 5)
                .containsEntry("max.block.ms", 10_000).containsEntry("acks", "all");
    }
}
