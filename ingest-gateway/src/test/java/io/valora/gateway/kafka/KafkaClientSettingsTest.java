package io.valora.gateway.kafka;

import io.valora.service.auth.TopicApiKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import io.valora.gateway.publish.UsagePublisher;
import io.valora.gateway.publish.UsagePublishers;
import io.valora.schemas.UsageEvent;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client the gateway builds takes the operator's {@code kafka.*} keys: settings that
 * are harmless against the PLAINTEXT test broker (TLS and SASL keys are read only when the
 * protocol uses them) reach the real producer and the api-keys reader, and both still work.
 */
@QuarkusTest
@TestProfile(KafkaPassThroughProfile.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class KafkaClientSettingsTest {

    @Inject
    UsagePublisher publisher;

    @Inject
    TopicApiKeys apiKeys;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> quarkusMap;

    @Test
    void theUsageProducerIsBuiltWithTheOperatorKeysAndStillPublishes() {
        Map<String, Object> props = UsagePublishers.properties(publisher);

        assertThat(props).containsAllEntriesOf(KafkaPassThroughProfile.PASSED_THROUGH)
                .containsEntry("linger.ms", "7")            // the operator overrides a default
                .containsEntry("compression.type", "lz4")   // the defaults he did not touch stay
                .containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "valora-ingest-gateway")
                .doesNotContainKey("group.id");
        publisher.publish(List.of(UsageEvent.newBuilder().setId("pass-through-1").setTenant("demo").setSubject("c")
                .setType("api_call").setSource("test").setTime(Instant.parse("2026-01-01T00:00:00Z")).setData("{}")
                .setReceivedAt(Instant.parse("2026-01-01T00:00:01Z")).build()));
    }

    @Test
    void theApiKeysReaderIsBuiltWithTheOperatorKeysAndStillReads() throws Exception {
        Map<String, Object> props = apiKeys.consumerProperties();

        assertThat(props).containsAllEntriesOf(KafkaPassThroughProfile.PASSED_THROUGH)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("client.id", "valora-ingest-gateway-api-keys")
                .doesNotContainKey("group.id");
        Awaitility.await("api-keys read to its end").atMost(Duration.ofSeconds(30)).until(apiKeys::caughtUp);
    }

    @Test
    void quarkusMapHoldsTheApplicationNameAsGroupIdWhichNoClientReceives() {
        assertThat(quarkusMap).containsAllEntriesOf(KafkaPassThroughProfile.PASSED_THROUGH).containsKey("group.id");
    }
}
