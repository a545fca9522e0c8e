package io.valora.deploy.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicCheckTest {

    private final TopicRegistry registry = TopicRegistry.production(Topics.unprefixed(), 6);
    private final TopicSpec usage = registry.find("usage-events").orElseThrow();
    private final TopicSpec apiKeys = registry.find("api-keys").orElseThrow();

    private static ExistingTopic topic(TopicSpec spec, int partitions, int rf, Map<String, String> overrides) {
        Map<String, String> configs = new HashMap<>(spec.configs());
        configs.putAll(overrides);
        configs.values().removeIf(v -> v == null);
        return new ExistingTopic(spec.name(), partitions, rf, configs);
    }

    @Test
    void shouldReportAMissingTopicWithoutDifferences() {
        TopicCheck check = TopicCheck.of(usage, Optional.empty());
        assertThat(check.missing()).isTrue();
        assertThat(check.satisfied()).isFalse();
        assertThat(check.differences()).isEmpty();
    }

    @Test
    void shouldAcceptMoreOfWhatIsGoodForGuarantees() {
        ExistingTopic bigger = topic(usage, 12, 5, Map.of("min.insync.replicas", "3", "retention.ms", "-1"));
        assertThat(TopicCheck.of(usage, Optional.of(bigger)).satisfied()).isTrue();
    }

    @Test
    void shouldListEveryPropertyThatFallsShort() {
        ExistingTopic weak = topic(usage, 3, 1, Map.of("min.insync.replicas", "1", "retention.ms", "604800000"));
        assertThat(TopicCheck.of(usage, Optional.of(weak)).differences()).containsExactly(
                "partitions 3 < 6",
                "replication factor 1 < 3",
                "min.insync.replicas 1 < 2",
                "retention.ms 604800000 (7 d) < 3024000000 (35 d)");
    }

    @Test
    void shouldRefuseACompactedTopicThatDeletesByTime() {
        ExistingTopic deleting = topic(apiKeys, 6, 3, Map.of("cleanup.policy", "delete"));
        assertThat(TopicCheck.of(apiKeys, Optional.of(deleting)).differences())
                .containsExactly("cleanup.policy delete != compact");
        ExistingTopic both = topic(apiKeys, 6, 3, Map.of("cleanup.policy", "compact, delete"));
        assertThat(TopicCheck.of(apiKeys, Optional.of(both)).satisfied()).isFalse();
    }

    @Test
    void shouldFlagMinInsyncReplicasAboveTheReplicas() {
        TopicRegistry single = TopicRegistry.local(Topics.unprefixed(), 3);
        TopicSpec spec = single.find("usage-events").orElseThrow();
        ExistingTopic blocked = topic(spec, 3, 1, Map.of("min.insync.replicas", "2"));
        assertThat(TopicCheck.of(spec, Optional.of(blocked)).differences())
                .containsExactly("min.insync.replicas 2 > replication factor 1 (every acks=all write is refused)");
    }
}
