package io.valora.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaClientConfigTest {

    private static final Map<String, Object> SECURED = Map.of(
            "bootstrap.servers", "broker-1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "ssl.truststore.location", "/etc/kafka/truststore.p12");

    @Test
    void passesEveryOperatorKeyToTheClientBetweenDefaultsAndRequiredSettings() {
        Map<String, Object> operator = new HashMap<>(SECURED);
        operator.put("linger.ms", "20");

        Map<String, Object> props = new KafkaClientConfig(operator).client("c-1",
                Map.of("linger.ms", 5, "batch.size", 65536), Map.of("enable.auto.commit", "false"));

        assertThat(props).containsAllEntriesOf(SECURED)
                .containsEntry("linger.ms", "20")
                .containsEntry("batch.size", 65536)
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("client.id", "c-1");
    }

    @Test
    void refusesARequiredSettingTheOperatorSetOtherwiseNamingIt() {
        KafkaClientConfig config = new KafkaClientConfig(Map.of("enable.auto.commit", "true"));

        assertThatThrownBy(() -> config.client("reader", Map.of(), Map.of("enable.auto.commit", "false")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'reader'")
                .hasMessageContaining("kafka.enable.auto.commit=true")
                .hasMessageContaining("enable.auto.commit=false");
    }

    @ParameterizedTest
    @CsvSource({"acks,1", "acks,0", "enable.idempotence,false", "isolation.level,read_uncommitted"})
    void refusesAWeakenedGuaranteeForEveryClientAtOnce(String key, String value) {
        assertThatThrownBy(() -> new KafkaClientConfig(Map.of("bootstrap.servers", "b:9092", key, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka." + key + "=" + value);
    }

    @ParameterizedTest
    @CsvSource({"acks,all", "acks,-1", "enable.idempotence,TRUE", "isolation.level,read_committed"})
    void acceptsTheGuaranteedValueSpelledAnyWayKafkaAccepts(String key, String value) {
        Map<String, Object> props = new KafkaClientConfig(Map.of(key, value)).durableProducer("p", Map.of(), Map.of());

        assertThat(props).containsKey(key);
    }

    @Test
    void givesProducersAcksAllAndIdempotenceAndReadersReadCommitted() {
        KafkaClientConfig config = KafkaClientConfig.bootstrapOnly("b:9092");

        assertThat(config.durableProducer("p", Map.of(), Map.of()))
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(config.committedReader("r", Map.of(), Map.of()))
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void dropsWhatQuarkusPutsInTheMapThatIsNoClientSetting() {
        Map<String, Object> broker = new HashMap<>(SECURED);
        broker.put("streams.state.dir", "/var/lib/valora");       // from kafka-streams.state.dir
        broker.put("streams.processing.guarantee", "exactly_once_v2");
        broker.put("group.id", "valora-ingest-gateway");           // from quarkus.application.name
        broker.put("client.id", "operator-id");
        broker.put("sasl.login.refresh.window.factor", "");       // an empty env var
        broker.put("tls-configuration-name", "kafka-tls");         // read by Quarkus' ssl.engine.factory.class

        KafkaClientConfig config = new KafkaClientConfig(broker);

        assertThat(config.operatorProperties()).doesNotContainKeys("streams.state.dir", "streams.processing.guarantee",
                "group.id", "sasl.login.refresh.window.factor").containsEntry("tls-configuration-name", "kafka-tls");
        assertThat(config.client("own-id", Map.of(), Map.of())).containsEntry("client.id", "own-id");
    }

    @Test
    void removesARequiredKeyWhoseValueIsNull() {
        Map<String, Object> required = new HashMap<>();
        required.put("group.id", null);

        assertThat(KafkaClientConfig.bootstrapOnly("b:9092").client("r", Map.of("group.id", "g"), required))
                .doesNotContainKey("group.id");
    }
}
