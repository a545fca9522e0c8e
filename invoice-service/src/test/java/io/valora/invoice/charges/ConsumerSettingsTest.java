package io.valora.invoice.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.service.kafka.KafkaClientConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rated-charge consumer's properties as built at start-up (the consumer is created from them
 * in a {@code StartupEvent} observer): what it refuses, and naming what.
 */
class ConsumerSettingsTest {

    @ParameterizedTest
    @CsvSource({"isolation.level,read_uncommitted", "enable.auto.commit,true", "acks,1", "enable.idempotence,false"})
    void refusesASettingItsDeliveryGuaranteeCannotLiveWith(String key, String value) {
        assertThatThrownBy(() -> ConsumerSettings.properties(
                new KafkaClientConfig(Map.of("bootstrap.servers", "b:9092", key, value)), "valora-invoice-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka." + key + "=" + value);
    }

    @Test
    void takesItsGroupFromValoraConfigurationNotFromQuarkusApplicationName() {
        Map<String, Object> props = ConsumerSettings.properties(
                new KafkaClientConfig(Map.of("bootstrap.servers", "b:9092", "group.id", "invoice-service")), "billing-eu");

        assertThat(props).containsEntry("group.id", "billing-eu").containsEntry("client.id", "billing-eu-rated-charges");
    }
}
