package io.valora.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.aggregation.Measurement;
import io.valora.billing.aggregation.Sum;
import io.valora.billing.aggregation.UniqueCount;
import io.valora.billing.invoice.Invoice;
import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineIds;
import io.valora.billing.money.Money;
import io.valora.billing.period.BillingCalendar;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Proration;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.billing.pricing.Tier;
import io.valora.billing.pricing.Volume;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One test per class of billing bug reported again and again in the public trackers of
 * usage-billing engines. Each name says the bug class it guards against.
 */
class FieldBugRegressionTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void subCentUnitPriceOverMillionsOfUnitsDoesNotDrift() {
        PerUnit tokens = new PerUnit(usd("0.0000015"));
        RatingPolicy policy = RatingPolicy.of(USD);
        Sum usage = Sum.EMPTY;
        Money running = Money.zero(USD);
        Measurement oneToken = Measurement.of("e", T0, BigDecimal.ONE);
        for (int i = 0; i < 3_333_333; i++) {
            usage = usage.add(oneToken);
            if (i % 1_000 == 0) {
                running = policy.rate(tokens, usage.quantity()); // the stream re-prices at every update
            }
        }
        running = policy.rate(tokens, usage.quantity());

        assertThat(tokens.price(usage.quantity()).amount()).isEqualByComparingTo("4.9999995");
        assertThat(running).isEqualTo(usd("5.00"));
        // Rounding each event (0.0000015 -> 0.00) would bill nothing at all.
        assertThat(policy.round(tokens.price(BigDecimal.ONE)).times(usage.quantity()).signum()).isZero();
    }

    @Test
    void roundingOncePerLineNotPerEventOrPerIncrement() {
        RatingPolicy policy = RatingPolicy.of(USD);
        PerUnit model = new PerUnit(usd("0.005"));

        Money perEvent = policy.rate(model, BigDecimal.ONE).times(new BigDecimal("3"));
        Money once = policy.rate(model, new BigDecimal("3"));

        assertThat(perEvent).isEqualTo(usd("0.03"));
        assertThat(once).isEqualTo(usd("0.02"));
    }

    @Test
    void volumeVsGraduatedAtTheBoundary() {
        List<Tier> table = List.of(Tier.upTo("100", usd("1.00")), Tier.unbounded(usd("0.50")));
        Graduated graduated = new Graduated(table);
        Volume volume = new Volume(table);

        assertThat(graduated.price(new BigDecimal("100")).amount()).isEqualByComparingTo("100");
        assertThat(volume.price(new BigDecimal("100")).amount()).isEqualByComparingTo("100");
        assertThat(graduated.price(new BigDecimal("101")).amount()).isEqualByComparingTo("100.50");
        assertThat(volume.price(new BigDecimal("101")).amount()).isEqualByComparingTo("50.50");
        assertThat(graduated.price(new BigDecimal("100.5")).amount()).isEqualByComparingTo("100.25");
        assertThat(volume.price(new BigDecimal("100.5")).amount()).isEqualByComparingTo("50.25");
    }

    @Test
    void planChangeInANonUtcZoneBillsEachSecondOnce() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BillingCalendar calendar = BillingCalendar.monthly(berlin);
        // October 2024 in Berlin has 745 hours (the clocks go back on the 27th).
        BillingPeriod october = calendar.periodContaining(Instant.parse("2024-10-15T00:00:00Z"));
        // The change happens during the repeated hour: 02:30 CET, the second 02:30 of the night.
        Instant change = ZonedDateTime.of(LocalDateTime.parse("2024-10-27T02:30"), berlin).withLaterOffsetAtOverlap()
                .toInstant();

        Proration before = Proration.of(october, october.start(), change);
        Proration after = Proration.of(october, change, october.end());

        assertThat(october.duration()).isEqualTo(Duration.ofHours(745));
        assertThat(before.activeNanos() + after.activeNanos()).isEqualTo(october.duration().toNanos());
        // Usage every minute of the month is attributed to exactly one of the two plans.
        long oldPlanMinutes = 0;
        long newPlanMinutes = 0;
        for (Instant t = october.start(); t.isBefore(october.end()); t = t.plusSeconds(60)) {
            boolean old = new BillingPeriod(october.start(), change).contains(t);
            boolean current = new BillingPeriod(change, october.end()).contains(t);
            assertThat(old ^ current).as("minute %s billed once", t).isTrue();
            oldPlanMinutes += old ? 1 : 0;
            newPlanMinutes += current ? 1 : 0;
        }
        assertThat(oldPlanMinutes + newPlanMinutes).isEqualTo(745 * 60);
        // The same fee on both sides adds up to the whole fee within one rounding per line.
        Money fee = usd("74.50");
        Money billed = before.applyTo(fee, RoundingMode.HALF_UP).plus(after.applyTo(fee, RoundingMode.HALF_UP));
        assertThat(billed.minus(fee).amount().abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void usageIsBilledInTheCustomersZoneNotInUtc() {
        Instant newYearsEveInTokyoIsStillDecemberInUtc = Instant.parse("2024-12-31T15:30:00Z");

        BillingPeriod tokyo = BillingCalendar.monthly(ZoneId.of("Asia/Tokyo")).periodContaining(newYearsEveInTokyoIsStillDecemberInUtc);
        BillingPeriod utc = BillingCalendar.monthly(ZoneOffset.UTC).periodContaining(newYearsEveInTokyoIsStillDecemberInUtc);

        assertThat(tokyo.start()).isEqualTo(Instant.parse("2024-12-31T15:00:00Z"));
        assertThat(utc.start()).isEqualTo(Instant.parse("2024-12-01T00:00:00Z"));
    }

    @Test
    void uniqueCountAcrossWindowsIsNotDoubleCounted() {
        // user-1 is active on three days, user-2 on one: two monthly active users, not four.
        UniqueCount day1 = new UniqueCount(Set.of()).add(Measurement.ofDistinct("e1", T0, "user-1"));
        UniqueCount day2 = new UniqueCount(Set.of()).add(Measurement.ofDistinct("e2", T0.plusSeconds(86_400), "user-1"))
                .add(Measurement.ofDistinct("e3", T0.plusSeconds(86_401), "user-2"));
        UniqueCount day3 = new UniqueCount(Set.of()).add(Measurement.ofDistinct("e4", T0.plusSeconds(172_800), "user-1"));

        BigDecimal sumOfDailyCounts = day1.quantity().add(day2.quantity()).add(day3.quantity());
        UniqueCount month = day1.merge(day2).merge(day3);

        assertThat(sumOfDailyCounts).isEqualByComparingTo("4");
        assertThat(month.quantity()).isEqualByComparingTo("2");
        assertThat(day3.merge(day1).merge(day2)).isEqualTo(month);
    }

    @Test
    void reratingOverwritesTheLineInsteadOfDuplicatingIt() {
        RatingPolicy policy = RatingPolicy.of(USD);
        PerUnit model = new PerUnit(usd("0.10"));
        String id = LineIds.of("tenant-1", "sub-1", "api-calls", "2024-05-01T00:00:00Z", "usage");
        Map<String, InvoiceLine> store = new LinkedHashMap<>(); // an upsert by id, like the database

        for (String total : List.of("10", "25", "25", "40")) { // re-rating, a replay, a restart
            InvoiceLine line = policy.usageLine(LineIds.of("tenant-1", "sub-1", "api-calls", "2024-05-01T00:00:00Z",
                    "usage"), "API calls", model, new BigDecimal(total));
            store.put(line.id(), line);
        }

        assertThat(store).hasSize(1).containsKey(id);
        assertThat(new Invoice(USD, List.copyOf(store.values())).total()).isEqualTo(usd("4.00"));
    }

    @Test
    void lateUsageBecomesAnAdjustmentNeverDroppedNorBilledTwice() {
        RatingPolicy policy = RatingPolicy.of(USD);
        Graduated model = Graduated.of(Tier.upTo("1000", usd("0.013")), Tier.unbounded(usd("0.007")));

        InvoiceLine aprilLine = policy.usageLine(LineIds.of("april", "usage"), "April", model, new BigDecimal("999"));
        InvoiceLine lateOne = policy.adjustmentLine(LineIds.of("april", "adjustment", "1"), "late", model,
                new BigDecimal("999"), new BigDecimal("1003"));
        InvoiceLine lateTwo = policy.adjustmentLine(LineIds.of("april", "adjustment", "2"), "late", model,
                new BigDecimal("1003"), new BigDecimal("1500"));

        Money billed = aprilLine.amount().plus(lateOne.amount()).plus(lateTwo.amount());
        assertThat(billed).isEqualTo(policy.rate(model, new BigDecimal("1500")));
        assertThat(aprilLine.quantity().add(lateOne.quantity()).add(lateTwo.quantity())).isEqualByComparingTo("1500");
    }

    @Test
    void maxOfAnEmptyOrAllZeroPeriodIsZeroNotASentinel() {
        assertThat(io.valora.billing.aggregation.AggregationKind.MAX.empty().quantity()).isEqualByComparingTo("0");
        assertThat(io.valora.billing.aggregation.AggregationKind.MAX.empty()
                .add(Measurement.of("e", T0, BigDecimal.ZERO)).quantity()).isEqualByComparingTo("0");
    }
}
