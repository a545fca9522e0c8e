package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties (b) graduated price never decreases as quantity grows, and (c) summing the
 * differences of successive re-pricings equals the price of the total; plus brute-force
 * oracles for the tier arithmetic.
 */
class PricingPropertiesTest {

    private static Arbitrary<Money> usd(int maxMinorUnits, int extraScale) {
        return Arbitraries.longs().between(0, maxMinorUnits)
                .map(units -> Money.of(BigDecimal.valueOf(units, 2 + extraScale), java.util.Currency.getInstance("USD")));
    }

    /** Random tier tables: 1-5 tiers, integer bounds, sub-cent unit prices, optional flat fees. */
    @Provide
    Arbitrary<List<Tier>> tierTables() {
        return Arbitraries.integers().between(1, 5).flatMap(count ->
                Combinators.combine(
                        Arbitraries.integers().between(1, 40).list().ofSize(count - 1),
                        usd(50_000, 3).list().ofSize(count),
                        usd(500, 0).list().ofSize(count),
                        Arbitraries.of(true, false)).as((gaps, prices, fees, withFees) -> {
                            List<Tier> tiers = new ArrayList<>();
                            long bound = 0;
                            for (int i = 0; i < count; i++) {
                                Money fee = withFees ? fees.get(i) : Money.zero(prices.get(i).currency());
                                if (i < count - 1) {
                                    bound += gaps.get(i);
                                    tiers.add(new Tier(Optional.of(BigDecimal.valueOf(bound)), prices.get(i), fee));
                                } else {
                                    tiers.add(new Tier(Optional.empty(), prices.get(i), fee));
                                }
                            }
                            return tiers;
                        }));
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Combinators.combine(Arbitraries.longs().between(0, 20_000_000L), Arbitraries.integers().between(0, 5))
                .as(BigDecimal::valueOf);
    }

    @Provide
    Arbitrary<PriceModel> models() {
        return tierTables().flatMap(tiers -> Arbitraries.of(
                new Graduated(tiers),
                new Volume(tiers),
                new PerUnit(tiers.get(0).unitPrice()),
                new PerPackage(tiers.get(0).unitPrice(), new BigDecimal("2.5")),
                new FlatFee(tiers.get(0).unitPrice()),
                new FreeAllowance(BigDecimal.TEN, new Graduated(tiers)),
                new MinimumSpend(Money.of("1.00", "USD"), new Volume(tiers))));
    }

    @Property(tries = 500)
    void graduatedPriceNeverDecreasesAsQuantityGrows(@ForAll("tierTables") List<Tier> tiers,
                                                      @ForAll("quantities") BigDecimal a,
                                                      @ForAll("quantities") BigDecimal b) {
        Graduated model = new Graduated(tiers);
        BigDecimal low = a.min(b);
        BigDecimal high = a.max(b);

        assertThat(model.price(low)).isLessThanOrEqualTo(model.price(high));
        assertThat(RatingPolicy.of(model.currency()).rate(model, low))
                .isLessThanOrEqualTo(RatingPolicy.of(model.currency()).rate(model, high));
    }

    @Property(tries = 300)
    void summingSuccessiveRepricingDifferencesEqualsThePriceOfTheTotal(
            @ForAll("models") PriceModel model,
            @ForAll @Size(min = 1, max = 40) List<@From("quantities") BigDecimal> increments,
            @ForAll RoundingMode anyMode) {
        if (anyMode == RoundingMode.UNNECESSARY) {
            anyMode = RoundingMode.HALF_UP;
        }
        RatingPolicy policy = new RatingPolicy(model.currency(), anyMode);
        BigDecimal total = BigDecimal.ZERO;
        Money exactPrevious = model.price(total);
        Money roundedPrevious = policy.rate(model, total);
        Money exactSum = exactPrevious;
        Money roundedSum = roundedPrevious;
        for (BigDecimal increment : increments) {
            total = total.add(increment);
            Money exact = model.price(total);
            Money rounded = policy.rate(model, total);
            exactSum = exactSum.plus(exact.minus(exactPrevious));
            roundedSum = roundedSum.plus(rounded.minus(roundedPrevious));
            exactPrevious = exact;
            roundedPrevious = rounded;
        }

        assertThat(exactSum.isEqualTo(model.price(total))).isTrue();
        assertThat(roundedSum).isEqualTo(policy.rate(model, total));
        assertThat(roundedSum.isAtMinorUnits()).isTrue();
    }

    @Property(tries = 300)
    void graduatedMatchesUnitByUnitPricing(@ForAll("tierTables") List<Tier> tiers,
                                           @ForAll @IntRange(min = 0, max = 250) int quantity) {
        Money expected = Money.zero(tiers.get(0).unitPrice().currency());
        for (int unit = 1; unit <= quantity; unit++) {
            int tierIndex = tierIndexOf(tiers, unit);
            expected = expected.plus(tiers.get(tierIndex).unitPrice());
            if (unit == 1 || tierIndexOf(tiers, unit - 1) != tierIndex) {
                expected = expected.plus(tiers.get(tierIndex).flatFee());
            }
        }

        assertThat(new Graduated(tiers).price(BigDecimal.valueOf(quantity)).isEqualTo(expected)).isTrue();
    }

    @Property(tries = 300)
    void volumePricesAllUnitsAtTheReachedTier(@ForAll("tierTables") List<Tier> tiers,
                                              @ForAll @IntRange(min = 1, max = 250) int quantity) {
        Tier reached = tiers.get(tierIndexOf(tiers, quantity));
        Money expected = reached.unitPrice().times(BigDecimal.valueOf(quantity)).plus(reached.flatFee());

        assertThat(new Volume(tiers).price(BigDecimal.valueOf(quantity)).isEqualTo(expected)).isTrue();
    }

    /** Index of the tier a whole unit number falls into, by a linear scan (the oracle). */
    private static int tierIndexOf(List<Tier> tiers, int unit) {
        for (int i = 0; i < tiers.size(); i++) {
            Optional<BigDecimal> upTo = tiers.get(i).upTo();
            if (upTo.isEmpty() || BigDecimal.valueOf(unit).compareTo(upTo.get()) <= 0) {
                return i;
            }
        }
        throw new AssertionError("no open-ended tier");
    }
}
