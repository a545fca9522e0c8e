package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.bench.reliability.HarnessEvent.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void isReproducibleAndKeepsEveryPhaseInItsWindow() {
        Scenario scenario = Scenario.generate(HarnessConfig.small(3), NOW);

        assertThat(Scenario.generate(HarnessConfig.small(3), NOW)).isEqualTo(scenario);
        for (HarnessEvent e : scenario.events().get(Phase.PREVIOUS)) {
            HarnessCustomer c = scenario.customer(e.tenant(), e.customer());
            assertThat(e.time()).isBefore(c.currentPeriodStart(NOW)).isAfterOrEqualTo(NOW.minus(Duration.ofDays(33)));
        }
        for (HarnessEvent e : scenario.events().get(Phase.CURRENT)) {
            assertThat(e.time()).isAfterOrEqualTo(scenario.customer(e.tenant(), e.customer()).currentPeriodStart(NOW))
                    .isBefore(NOW);
        }
        assertThat(scenario.events().get(Phase.LATE)).allSatisfy(e ->
                assertThat(HarnessCatalog.MAX_METERS).doesNotContain(e.meter()));
        assertThat(scenario.events().get(Phase.AFTER_CHANGE).stream().map(HarnessEvent::customerKey).distinct())
                .hasSize(scenario.customers().size());
    }

    @Test
    void addsAboutFivePercentDuplicatesAndShufflesByTheOrderSeed() {
        Scenario scenario = Scenario.generate(HarnessConfig.small(3), NOW);
        List<HarnessEvent> distinct = scenario.events().get(Phase.CURRENT);

        List<HarnessEvent> first = scenario.sendOrder(distinct, 1);
        List<HarnessEvent> second = scenario.sendOrder(distinct, 2);

        assertThat(new HashSet<>(first)).isEqualTo(new HashSet<>(distinct));
        assertThat(first).hasSameSizeAs(second).isNotEqualTo(second);
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        double duplicates = (first.size() - distinct.size()) / (double) distinct.size();
        assertThat(duplicates).isBetween(0.02, 0.08);
    }
}
