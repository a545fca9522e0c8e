package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunPlanTest {

    @Test
    void onlyASoakingRunProbesForWarmUpReplicasEveryMinute() {
        assertThat(RunPlan.ratingProperties(true))
                .containsEntry("kafka-streams.probing.rebalance.interval.ms", "60000")
                .containsEntry("kafka-streams.session.timeout.ms", "6000")
                .containsEntry("valora.rating.idle-close-delay", "off");
        assertThat(RunPlan.ratingProperties(false))
                .doesNotContainKey("kafka-streams.probing.rebalance.interval.ms")
                .containsEntry("kafka-streams.session.timeout.ms", "6000")
                .containsEntry("valora.rating.idle-close-delay", "off");
    }
}
