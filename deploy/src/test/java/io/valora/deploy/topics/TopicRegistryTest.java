package io.valora.deploy.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {

    private final Topics topics = new Topics("acme.");

    private Map<String, TopicSpec> byName(TopicRegistry registry) {
        return registry.specs().stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }

    @Test
    void shouldGiveEveryTopicOfTheSchemasModuleASpec() {
        assertThat(TopicRegistry.production(topics, 6).specs()).extracting(TopicSpec::name)
                .containsExactlyElementsOf(topics.all())
                .contains("acme.dead-letters");
    }

    @Test
    void shouldReplicateThreeTimesWithTwoInSyncOutsideTheLocalStack() {
        assertThat(TopicRegistry.production(topics, 6).specs()).allSatisfy(s -> {
            assertThat(s.replicationFactor()).isEqualTo((short) 3);
            assertThat(s.partitions()).isEqualTo(6);
            assertThat(s.configs()).containsEntry("min.insync.replicas", "2");
        });
        assertThat(TopicRegistry.local(topics, 3).specs()).allSatisfy(s -> {
            assertThat(s.replicationFactor()).isEqualTo((short) 1);
            assertThat(s.configs()).containsEntry("min.insync.replicas", "1");
        });
    }

    @Test
    void shouldCompactCatalogApiKeysAndRatedCharges() {
        Map<String, TopicSpec> specs = byName(TopicRegistry.production(topics, 6));
        for (String name : new String[] {"acme.customers", "acme.meters", "acme.plans", "acme.subscriptions",
                "acme.api-keys", "acme.rated-charges"}) {
            assertThat(specs.get(name).configs()).as(name).containsEntry("cleanup.policy", "compact")
                    .doesNotContainKey("retention.ms");
        }
    }

    @Test
    void shouldKeepUsageEventsAtLeastTheDeduplicationWindow() {
        Map<String, TopicSpec> specs = byName(TopicRegistry.production(topics, 6));
        long window = Duration.ofDays(35).toMillis();
        for (String name : new String[] {"acme.usage-events", "acme.usage-events.rejected", "acme.dead-letters",
                "acme.invoice-events"}) {
            assertThat(specs.get(name).configs()).as(name).containsEntry("cleanup.policy", "delete");
            assertThat(Long.parseLong(specs.get(name).configs().get("retention.ms"))).as(name)
                    .isGreaterThanOrEqualTo(window);
        }
    }

    @Test
    void shouldMatchMinInsyncReplicasToTheReplicationFactor() {
        assertThat(TopicRegistry.withReplication(topics, 3, (short) 1).minInsyncReplicas()).isEqualTo(1);
        assertThat(TopicRegistry.withReplication(topics, 3, (short) 5).minInsyncReplicas()).isEqualTo(2);
        assertThatThrownBy(() -> new TopicRegistry(topics, 3, (short) 2, 3))
                .hasMessageContaining("min.insync.replicas must be between 1 and the replication factor (2)");
    }

    @Test
    void shouldTellRatingStreamsHowToReplicateItsInternalTopics() {
        assertThat(TopicRegistry.production(topics, 6).ratingStreamsProperties())
                .containsEntry("kafka-streams.replication.factor", "3")
                .containsEntry("kafka-streams.topic.min.insync.replicas", "2");
        assertThat(TopicRegistry.ratingInternalTopicPrefix("valora-rating")).isEqualTo("valora-rating-");
    }
}
