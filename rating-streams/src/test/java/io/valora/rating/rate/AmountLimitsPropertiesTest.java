package io.valora.rating.rate;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.limits.BillingLimits;
import io.valora.billing.period.BillingPeriod;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
import io.valora.rating.topology.Catalogs;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * For every quantity and price within {@link BillingLimits}, rating a period's usage either gives the
 * exact rounded amount in minor units or refuses with {@link AmountOverflowException} (which the
 * topology turns into {@code amount-overflow}), and it refuses exactly when the amount does not fit.
 * It never throws anything else: that would stop the stream thread for every tenant of the partition.
 */
class AmountLimitsPropertiesTest {

    private static final BillingPeriod NOVEMBER = new BillingPeriod(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));
    private static final BigDecimal MAX_MINOR = BigDecimal.valueOf(BillingLimits.MAX_AMOUNT_MINOR);

    @Property(tries = 300)
    void ratesExactlyOrRejectsAsOverflowNeverThrowsOtherwise(@ForAll("models") PriceModelSpec spec,
            @ForAll @Size(min = 1, max = 25) List<@net.jqwik.api.From("quantities") BigDecimal> quantities) {
        MeteredUsage usage = usage(spec);
        RatedCharge current = PeriodRater.empty();
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal quantity : quantities) {
            total = total.add(quantity);
            BigDecimal exactMinor = usage.pricing().policy().rate(usage.pricing().model(), total).amount().movePointRight(2);
            boolean fits = exactMinor.abs().compareTo(MAX_MINOR) <= 0;
            try {
                current = PeriodRater.charge(usage, NOVEMBER, total, current);
                assertThat(fits).as("rated although the amount does not fit").isTrue();
                assertThat(BigDecimal.valueOf(current.getAmountMinor())).isEqualByComparingTo(exactMinor);
            } catch (AmountOverflowException overflow) {
                assertThat(fits).as("refused although the amount fits").isFalse();
                return; // the topology rejects this event and the ones after it would overflow too (a sum only grows)
            }
        }
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        // the per-event bounds of Quantities: 0 .. 10^18, at most 12 decimals; often the largest, to reach the bound
        Arbitrary<BigDecimal> any = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(0, 12))
                .as((unscaled, scale) -> new BigDecimal(unscaled, scale).min(BillingLimits.MAX_EVENT_QUANTITY));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, any),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(BillingLimits.MAX_EVENT_QUANTITY)));
    }

    @Provide
    Arbitrary<PriceModelSpec> models() {
        Arbitrary<String> unitPrices = price(BillingLimits.MAX_UNIT_PRICE);
        Arbitrary<String> flats = price(BillingLimits.MAX_FLAT_AMOUNT);
        return Arbitraries.oneOf(
                unitPrices.map(Catalogs::perUnit),
                flats.map(Catalogs::flat),
                unitPrices.map(p -> Catalogs.packaged("1000", p)),
                Combinators.combine(unitPrices, unitPrices).as((a, b) -> Catalogs.tiered("graduated", "1000000", a, null, b)),
                Combinators.combine(unitPrices, unitPrices).as((a, b) -> Catalogs.tiered("volume", "1000000", a, null, b)));
    }

    /** Non-negative prices up to {@code max}, at most {@link BillingLimits#MAX_PRICE_SCALE} decimals; often the largest. */
    private static Arbitrary<String> price(BigDecimal max) {
        Arbitrary<String> any = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(24)),
                Arbitraries.integers().between(0, BillingLimits.MAX_PRICE_SCALE))
                .as((unscaled, scale) -> new BigDecimal(unscaled, scale).min(max).toPlainString());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any), net.jqwik.api.Tuple.of(1, Arbitraries.just(max.toPlainString())));
    }

    private static MeteredUsage usage(PriceModelSpec spec) {
        return new MeteredUsage("acme", "sub-7", "cust-3", "tokens", null, Pricing.of("pro", 1, "USD", "HALF_UP", spec),
                new MeteredUsage.CalendarSpec("UTC", "MONTHLY", "2026-01-01T00:00"),
                new MeteredUsage.Reading("evt-1", Instant.parse("2026-11-10T08:00:00Z"), AggregationKind.SUM.name(),
                        BigDecimal.ONE, "1"));
    }
}
