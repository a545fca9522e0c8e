package io.valora.invoice.outbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.service.kafka.KafkaClientConfig;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outbox producer's properties as built at start-up ({@link OutboxPublisher} is a start-up bean). */
class OutboxPublisherSettingsTest {

    @ParameterizedTest
    @CsvSource({"acks,1", "acks,0", "enable.idempotence,false"})
    void refusesAProducerSettingThatWouldLoseOrDuplicateRelayedRows(String key, String value) {
        assertThatThrownBy(() -> OutboxPublisher.producerProperties(
                new KafkaClientConfig(Map.of("bootstrap.servers", "b:9092", key, value)), "outbox"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka." + key + "=" + value);
    }
}
