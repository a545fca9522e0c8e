package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.bench.reliability.HarnessEvent.Phase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");
    private static final HarnessCustomer UTC = new HarnessCustomer("t", "a", ZoneId.of("UTC"), true);
    private static final HarnessCustomer TOKYO = new HarnessCustomer("t", "b", ZoneId.of("Asia/Tokyo"), false);

    private static Scenario scenario() {
        return new Scenario(HarnessConfig.small(1), NOW, List.of("t"), List.of(UTC, TOKYO), Map.of());
    }

    private static HarnessEvent event(HarnessCustomer c, String id, String meter, String time, String value, Phase phase) {
        return new HarnessEvent("t", id, c.id(), meter, Instant.parse(time), new BigDecimal(value), phase);
    }

    @Test
    void billsLateUsageAsTheDifferenceOfTheRoundedRatesOnTheCurrentPeriod() {
        GroundTruth truth = GroundTruth.of(scenario(), List.of(
                event(UTC, "1", HarnessCatalog.TOKENS, "2026-10-28T10:00:00Z", "900", Phase.PREVIOUS),
                event(UTC, "2", HarnessCatalog.TOKENS, "2026-10-29T10:00:00Z", "300", Phase.LATE)));

        // October: 900 × 0.002 = 1.80; late: rate(1200) = 2.00 + 0.20 = 2.20, minus 1.80 = 0.40 on November
        assertThat(truth.invoiceTotals()).containsEntry("t/a/" + OCT, 180L).containsEntry("t/a/" + NOV, 40L);
        assertThat(truth.quantities()).containsEntry("t/a/tokens", new BigDecimal("1200"));
        assertThat(truth.eventCounts()).containsEntry("t/a/tokens", 2L);
    }

    @Test
    void pricesUsageAfterAPlanChangeWithTheNewPlanAndTakesMaximaPerPhase() {
        GroundTruth truth = GroundTruth.of(scenario(), List.of(
                event(UTC, "1", HarnessCatalog.STORAGE, "2026-11-10T00:00:00Z", "25", Phase.CURRENT),
                event(UTC, "2", HarnessCatalog.STORAGE, "2026-11-11T00:00:00Z", "12", Phase.CURRENT),
                event(UTC, "3", HarnessCatalog.STORAGE, "2026-11-24T03:00:01Z", "7", Phase.AFTER_CHANGE)));

        // basic: max 25 → 3 packages of 10 × 1.50 = 4.50; pro: max 7 × 0.12 = 0.84
        assertThat(truth.invoiceTotals()).containsEntry("t/a/" + NOV, 450L + 84L);
        assertThat(truth.quantities()).containsEntry("t/a/storage_peak", new BigDecimal("32"));
    }

    @Test
    void placesEventsInThePeriodOfTheCustomersZone() {
        // 2026-10-31T16:00Z is already November 1st 01:00 in Tokyo
        GroundTruth truth = GroundTruth.of(scenario(), List.of(
                event(TOKYO, "1", HarnessCatalog.REQUESTS, "2026-10-31T16:00:00Z", "1500", Phase.CURRENT)));

        Instant tokyoNovember = Instant.parse("2026-10-31T15:00:00Z");
        assertThat(truth.invoiceTotals()).containsOnlyKeys("t/b/" + tokyoNovember).containsEntry("t/b/" + tokyoNovember, 150L);
    }

    @Test
    void roundsEachRuleOnceHalfUp() {
        assertThat(new PerUnitRule(new BigDecimal("0.001")).minor(new BigDecimal("4.5"))).isEqualTo(0L);   // 0.0045
        assertThat(new PerUnitRule(new BigDecimal("0.001")).minor(new BigDecimal("5"))).isEqualTo(1L);     // 0.005
        assertThat(new PackageRule(BigDecimal.TEN, new BigDecimal("1.50")).minor(new BigDecimal("10"))).isEqualTo(150L);
        assertThat(new PackageRule(BigDecimal.TEN, new BigDecimal("1.50")).minor(new BigDecimal("10.5"))).isEqualTo(300L);
        assertThat(new GraduatedRule(new BigDecimal("1000"), new BigDecimal("0.002"), new BigDecimal("0.001"))
                .minor(new BigDecimal("1000"))).isEqualTo(200L);
    }
}
