package io.valora.rating.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.service.kafka.KafkaClientConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the replay command configures its Kafka clients: environment, then --command-config, then --bootstrap. */
class ReplayClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void readsKafkaEnvironmentVariablesLikeQuarkusThenTheCommandConfigFileThenBootstrap() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, """
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                ssl.truststore.location=/etc/kafka/truststore.p12
                """);
        Map<String, String> env = Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SASL_JAAS_CONFIG", "jaas;",
                "KAFKA_BOOTSTRAP_SERVERS", "env:9093", "PATH", "/usr/bin");

        Map<String, Object> props = RejectedEventsReplay.clientProperties(env, Optional.of(file), Optional.of("flag:9093"));

        assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("sasl.jaas.config", "jaas;").containsEntry("bootstrap.servers", "flag:9093")
                .doesNotContainKey("path");
    }

    @Test
    void layersEachClientsRequiredSettingsOverTheOperatorsKeys() throws Exception {
        KafkaClientConfig kafka = new KafkaClientConfig(RejectedEventsReplay.clientProperties(
                Map.of("KAFKA_SECURITY_PROTOCOL", "SSL"), Optional.empty(), Optional.empty()));

        assertThat(RejectedEventsReplay.consumerProperties(kafka)).containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SSL").containsEntry("isolation.level", "read_committed")
                .containsEntry("group.id", RejectedEventsReplay.GROUP).containsEntry("enable.auto.commit", "false");
        assertThat(RejectedEventsReplay.producerProperties(kafka)).containsEntry("security.protocol", "SSL")
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    }

    @ParameterizedTest
    @CsvSource({"KAFKA_ACKS,1,acks=1", "KAFKA_ENABLE_IDEMPOTENCE,false,enable.idempotence=false",
            "KAFKA_ISOLATION_LEVEL,read_uncommitted,isolation.level=read_uncommitted",
            "KAFKA_ENABLE_AUTO_COMMIT,true,enable.auto.commit=true"})
    void refusesAWeakenedSettingBeforeReadingAnything(String variable, String value, String named) {
        assertThatThrownBy(() -> RejectedEventsReplay.consumerProperties(new KafkaClientConfig(
                RejectedEventsReplay.clientProperties(Map.of(variable, value), Optional.empty(), Optional.empty()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(named);
    }
}
