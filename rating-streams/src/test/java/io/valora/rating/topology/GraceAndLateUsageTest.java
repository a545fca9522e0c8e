package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.model.RejectReason;
import io.valora.rating.rate.PeriodChargeProcessor;
import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grace, finality and late usage (issue 5, item 6) through the whole topology, in fixed event time. */
class GraceAndLateUsageTest {

    private static final String OCT = RatingDriver.key("sub-cust-1", "api_call", "2026-10-01T00:00:00Z");
    private static final String NOV = RatingDriver.key("sub-cust-1", "api_call", "2026-11-01T00:00:00Z");
    private static final String DEC = RatingDriver.key("sub-cust-1", "api_call", "2026-12-01T00:00:00Z");
    private static final String OCT_ADJUSTED_IN_NOV = NOV + "/adjustment-of/" + at("2026-10-01T00:00:00Z").toEpochMilli();
    private static final String OCT_ADJUSTED_IN_DEC = DEC + "/adjustment-of/" + at("2026-10-01T00:00:00Z").toEpochMilli();

    @TempDir
    java.nio.file.Path stateDir;

    private final java.util.concurrent.atomic.AtomicInteger lateEvents = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger finalized = new java.util.concurrent.atomic.AtomicInteger();
    private RatingDriver rating;

    @BeforeEach
    void start() {
        RatingMetrics counting = new RatingMetrics() {
            @Override
            public void duplicateDropped() {
            }

            @Override
            public void eventRejected(RejectReason reason) {
            }

            @Override
            public void lateEventAdjusted() {
                lateEvents.incrementAndGet();
            }

            @Override
            public void chargeFinalized() {
                finalized.incrementAndGet();
            }
        };
        // 0.0015 USD per unit: small quantities round to 0 or 1 cent, so per-event pricing would show.
        rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir, counting)
                .withPerUnitCatalog("0.0015", "cust-1");
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void acceptsUsageIntoAPeriodUntilItsEndPlusGrace() {
        rating.send("oct-1", "cust-1", at("2026-10-31T10:00:00Z"), "10");
        rating.send("nov-1", "cust-1", at("2026-11-01T00:30:00Z"), "1");
        rating.send("oct-2", "cust-1", at("2026-10-31T23:59:00Z"), "5"); // late but within the grace

        Map<String, RatedCharge> latest = rating.charges.readKeyValuesToMap();
        assertThat(latest.get(OCT).getQuantity()).isEqualTo("15");
        assertThat(latest.get(OCT).getFinal$()).isFalse();
        assertThat(latest).doesNotContainKey(OCT_ADJUSTED_IN_NOV);
    }

    @Test
    void emitsAPeriodFinalOnceStreamTimePassesItsEndPlusGrace() {
        rating.send("oct-1", "cust-1", at("2026-10-31T10:00:00Z"), "10");
        rating.send("nov-1", "cust-1", at("2026-11-01T00:59:59.999Z"), "1");
        assertThat(rating.charges.readValuesToList()).noneMatch(RatedCharge::getFinal$);

        rating.send("nov-2", "cust-1", at("2026-11-01T01:00:00Z"), "1");
        rating.send("nov-3", "cust-1", at("2026-11-02T00:00:00Z"), "1");

        List<KeyValue<String, RatedCharge>> emitted = rating.charges.readKeyValuesToList();
        List<RatedCharge> finals = emitted.stream().filter(kv -> kv.value.getFinal$()).map(kv -> kv.value).toList();
        assertThat(finals).hasSize(1);
        RatedCharge october = finals.get(0);
        assertThat(october.getPeriodStart()).isEqualTo(at("2026-10-01T00:00:00Z"));
        assertThat(october.getQuantity()).isEqualTo("10");
        assertThat(october.getAmountMinor()).isEqualTo(2); // 10 × 0.0015 = 0.015 → 0.02
        assertThat(october.getSequence()).isEqualTo(2); // one update, then the final emission
        assertThat(emitted.stream().filter(kv -> kv.key.equals(NOV)).map(kv -> kv.value.getFinal$()))
                .containsOnly(false);
    }

    @Test
    void turnsUsageForAFinalPeriodIntoAnAdjustmentOnTheNextOpenPeriod() {
        rating.send("oct-1", "cust-1", at("2026-10-20T10:00:00Z"), "3"); // 0.0045 → 0 cents
        rating.send("nov-1", "cust-1", at("2026-11-05T00:00:00Z"), "1"); // closes October
        rating.send("late-1", "cust-1", at("2026-10-21T00:00:00Z"), "1"); // 4 → 0.006 → 1 cent
        rating.send("late-2", "cust-1", at("2026-10-22T00:00:00Z"), "0.5"); // 4.5 → 0.00675 → 1 cent

        List<KeyValue<String, RatedCharge>> emitted = rating.charges.readKeyValuesToList();
        assertThat(emitted.stream().filter(kv -> kv.key.equals(OCT)).map(kv -> kv.value.getSequence()))
                .as("the final October charge is never re-emitted").containsExactly(1L, 2L);
        Map<String, RatedCharge> latest = rating.charges.readKeyValuesToMap();
        latest.putAll(toMap(emitted));
        RatedCharge october = latest.get(OCT);
        RatedCharge adjustment = latest.get(OCT_ADJUSTED_IN_NOV);
        assertThat(adjustment.getMeter()).isEqualTo("api_call");
        assertThat(adjustment.getAdjustmentOf()).isEqualTo(at("2026-10-01T00:00:00Z"));
        assertThat(adjustment.getPlan()).isEqualTo("basic");
        assertThat(adjustment.getPlanVersion()).isEqualTo(1);
        assertThat(adjustment.getPeriodStart()).isEqualTo(at("2026-11-01T00:00:00Z"));
        assertThat(adjustment.getPeriodEnd()).isEqualTo(at("2026-12-01T00:00:00Z"));
        assertThat(adjustment.getFinal$()).isFalse();
        assertThat(adjustment.getEventCount()).isEqualTo(2);
        // conservation: 3 + 1.5 = every October event
        assertThat(new java.math.BigDecimal(october.getQuantity()).add(new java.math.BigDecimal(adjustment.getQuantity())))
                .isEqualByComparingTo("4.5");
        // money: rate(4.5) = 1 cent = 0 (period) + 1 (adjustment); pricing each late event alone would give 0
        assertThat(october.getAmountMinor()).isZero();
        assertThat(october.getAmountMinor() + adjustment.getAmountMinor()).isEqualTo(1);
        assertThat(lateEvents).hasValue(2);
        assertThat(finalized).hasValue(1);
    }

    @Test
    void movesLaterAdjustmentsToTheThenOpenPeriodAndClosesAdjustmentsWithTheirPeriod() {
        rating.send("oct-1", "cust-1", at("2026-10-20T10:00:00Z"), "1");
        rating.send("nov-1", "cust-1", at("2026-11-05T00:00:00Z"), "1");
        rating.send("late-1", "cust-1", at("2026-10-21T00:00:00Z"), "1");
        rating.send("dec-1", "cust-1", at("2026-12-01T01:00:00Z"), "1"); // closes November
        rating.send("late-2", "cust-1", at("2026-10-22T00:00:00Z"), "1");
        rating.send("late-3", "cust-1", at("2026-11-30T00:00:00Z"), "1"); // a late November event too

        Map<String, RatedCharge> latest = toMap(rating.charges.readKeyValuesToList());
        assertThat(latest.get(OCT_ADJUSTED_IN_NOV).getFinal$()).as("closed with November").isTrue();
        assertThat(latest.get(OCT_ADJUSTED_IN_NOV).getQuantity()).isEqualTo("1");
        assertThat(latest.get(OCT_ADJUSTED_IN_DEC).getQuantity()).isEqualTo("1");
        assertThat(latest).containsKey(DEC + "/adjustment-of/" + at("2026-11-01T00:00:00Z").toEpochMilli());
        // 1 + 1 + 1 units of October at 0.0015 = 0.0045 → 0 cents; total of lines = rate(3)
        long octoberTotal = latest.get(OCT).getAmountMinor() + latest.get(OCT_ADJUSTED_IN_NOV).getAmountMinor()
                + latest.get(OCT_ADJUSTED_IN_DEC).getAmountMinor();
        assertThat(octoberTotal).isZero();
        // October, November and the adjustment November carried were closed
        assertThat(finalized).hasValue(3);
    }

    @Test
    void billsLateUsageExactlyAsRatingAllOfItInThePeriodWouldHave() {
        String[] quantities = {"0.4", "0.7", "2", "0.9", "1.3", "0.35", "5", "0.25"};
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        rating.send("oct-0", "cust-1", at("2026-10-01T00:00:00Z"), quantities[0]);
        total = total.add(new java.math.BigDecimal(quantities[0]));
        rating.send("nov-0", "cust-1", at("2026-11-10T00:00:00Z"), "1");
        for (int i = 1; i < quantities.length; i++) {
            rating.send("late-" + i, "cust-1", at("2026-10-0" + i + "T12:00:00Z"), quantities[i]);
            total = total.add(new java.math.BigDecimal(quantities[i]));
        }

        Map<String, RatedCharge> latest = toMap(rating.charges.readKeyValuesToList());
        long billed = latest.get(OCT).getAmountMinor() + latest.get(OCT_ADJUSTED_IN_NOV).getAmountMinor();
        java.math.BigDecimal billedQuantity = new java.math.BigDecimal(latest.get(OCT).getQuantity())
                .add(new java.math.BigDecimal(latest.get(OCT_ADJUSTED_IN_NOV).getQuantity()));
        assertThat(billedQuantity).isEqualByComparingTo(total); // 10.9
        assertThat(billed).isEqualTo(2); // rate(10.9) = 0.01635 → 0.02
    }

    @Test
    void closesAnIdlePartitionsPeriodByTheWallClockAndAdjustsLaterUsage() {
        rating.close();
        rating = new RatingDriver(new RatingSettings(Duration.ofDays(400), Duration.ofHours(1), Duration.ofHours(1), null), stateDir,
                RatingMetrics.NONE, at("2026-10-31T12:00:00Z")).withPerUnitCatalog("0.0015", "cust-1");
        rating.send("oct-1", "cust-1", at("2026-10-31T10:00:00Z"), "10");

        rating.driver.advanceWallClockTime(Duration.ofHours(13).plusMinutes(59)); // 01:59: end + grace + delay not yet
        assertThat(rating.charges.readValuesToList()).noneMatch(RatedCharge::getFinal$);
        rating.driver.advanceWallClockTime(Duration.ofMinutes(1)); // 02:00 = Nov 1 + 1 h grace + 1 h delay
        List<RatedCharge> closed = rating.charges.readValuesToList();
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.getFinal$()).isTrue();
            assertThat(c.getQuantity()).isEqualTo("10");
        });

        rating.send("late", "cust-1", at("2026-10-31T11:00:00Z"), "20"); // stream time alone would still accept it
        Map<String, RatedCharge> latest = rating.latest();
        assertThat(latest).as("the final October charge never changes again").doesNotContainKey(OCT);
        assertThat(latest.get(OCT_ADJUSTED_IN_NOV).getQuantity()).isEqualTo("20");
        assertThat(latest.get(OCT_ADJUSTED_IN_NOV).getAmountMinor()).isEqualTo(3); // rate(30) − rate(10) = 0.045 − 0.015 → 5 − 2 cents
    }

    @Test
    void anEventsLatenessIsDecidedWhenItIsProcessedNotWhenAPunctuatorLastLookedAtTheClock() {
        // the wall clock is days past October's end + grace + delay; no punctuation has run yet (a fresh start)
        Map<String, RatedCharge> beforeAnyPunctuation = firstOctoberEvent(Duration.ZERO);
        Map<String, RatedCharge> afterAPunctuation = firstOctoberEvent(PeriodChargeProcessor.WALL_CLOCK_CHECK_INTERVAL);

        assertThat(beforeAnyPunctuation.keySet()).isEqualTo(afterAPunctuation.keySet());
        assertThat(beforeAnyPunctuation).as("October is closed by the clock: the usage is an adjustment").doesNotContainKey(OCT);
        assertThat(beforeAnyPunctuation.get(OCT_ADJUSTED_IN_NOV).getQuantity()).isEqualTo("10");
    }

    @Test
    void withoutTheIdleCloseOnlyStreamTimeDecidesHoweverFarTheWallClockIs() {
        rating.close();
        rating = new RatingDriver(new RatingSettings(Duration.ofDays(400), Duration.ofHours(1), null, null), stateDir,
                RatingMetrics.NONE, at("2026-11-24T05:00:00Z")).withPerUnitCatalog("0.0015", "cust-1");
        rating.driver.advanceWallClockTime(PeriodChargeProcessor.WALL_CLOCK_CHECK_INTERVAL);
        rating.send("nov", "cust-1", at("2026-11-01T00:30:00Z"), "1"); // within October's grace in stream time
        rating.send("oct", "cust-1", at("2026-10-31T10:00:00Z"), "10");

        Map<String, RatedCharge> latest = rating.latest();
        assertThat(latest.get(OCT).getQuantity()).isEqualTo("10");
        assertThat(latest).doesNotContainKey(OCT_ADJUSTED_IN_NOV);
    }

    private Map<String, RatedCharge> firstOctoberEvent(Duration wallClockBefore) {
        rating.close();
        rating = new RatingDriver(new RatingSettings(Duration.ofDays(400), Duration.ofHours(1), Duration.ofHours(1), null), stateDir,
                RatingMetrics.NONE, at("2026-11-24T05:00:00Z")).withPerUnitCatalog("0.0015", "cust-1");
        rating.driver.advanceWallClockTime(wallClockBefore);
        rating.send("oct-1", "cust-1", at("2026-10-31T10:00:00Z"), "10");
        return rating.latest();
    }

    private static Map<String, RatedCharge> toMap(List<KeyValue<String, RatedCharge>> records) {
        Map<String, RatedCharge> latest = new java.util.HashMap<>();
        records.forEach(kv -> latest.merge(kv.key, kv.value, (a, b) -> b.getSequence() > a.getSequence() ? b : a));
        return latest;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
