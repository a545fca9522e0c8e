package io.valora.rating.app;

import io.valora.testing.kafka.KafkaPassThrough;
import io.valora.service.auth.TopicApiKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.kafka.streams.runtime.KafkaStreamsProducer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import io.valora.service.kafka.KafkaClientConfig;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Both Kafka paths of rating-streams take the operator's {@code kafka.*} keys: Kafka Streams (Quarkus
 * merges the {@code default-kafka-broker} map under the {@code kafka-streams.*} keys) and the
 * api-keys reader (through {@link KafkaClientConfig}). The keys are harmless against the PLAINTEXT
 * test broker (TLS and SASL keys are read only when the protocol uses them), and both still run.
 */
@QuarkusTest
@TestProfile(KafkaClientSettingsTest.PassThrough.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "usage-events,usage-events.rejected,rated-charges,meters,plans,subscriptions,api-keys,dead-letters"))
class KafkaClientSettingsTest {

    static final Map<String, Object> PASSED_THROUGH = KafkaPassThrough.PASSED_THROUGH;

    /** The pass-through keys as an operator sets them. */
    public static class PassThrough implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return KafkaPassThrough.configOverrides(Map.of());
        }
    }

    @Inject
    KafkaStreamsProducer streams;

    @Inject
    TopicApiKeys apiKeys;

    @Inject
    KafkaClientConfig kafka;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> quarkusMap;

    @Test
    void kafkaStreamsIsConfiguredWithTheOperatorKeysAndRuns() {
        assertThat(streams.getStreamsConfig().originals()).containsAllEntriesOf(PASSED_THROUGH)
                .containsEntry("processing.guarantee", "exactly_once_v2");
        Awaitility.await("streams running").atMost(Duration.ofSeconds(60))
                .until(() -> streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);
    }

    @Test
    void theApiKeysReaderIsBuiltWithTheOperatorKeysAndReads() throws Exception {
        assertThat(apiKeys.consumerProperties()).containsAllEntriesOf(PASSED_THROUGH)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("client.id", "valora-rating-streams-api-keys")
                .doesNotContainKey("group.id");
        Awaitility.await("api-keys read to its end").atMost(Duration.ofSeconds(30)).until(apiKeys::caughtUp);
    }

    @Test
    void quarkusMapCarriesKafkaStreamsNamesAsJunkThatNoPlainClientReceives() {
        assertThat(quarkusMap).containsKeys("streams.processing.guarantee", "streams.state.dir", "group.id");
        assertThat(kafka.operatorProperties()).containsAllEntriesOf(PASSED_THROUGH)
                .doesNotContainKeys("streams.processing.guarantee", "streams.state.dir", "group.id");
    }
}
