package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraduatedTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** First 1,000 at 0.10, next 9,000 at 0.08, the rest at 0.05. */
    private static final Graduated CALLS = Graduated.of(
            Tier.upTo("1000", usd("0.10")),
            Tier.upTo("10000", usd("0.08")),
            Tier.unbounded(usd("0.05")));

    @ParameterizedTest(name = "{0} units cost {1}")
    @CsvSource({
            "0,                   0",
            "1,                   0.10",
            "999,                 99.90",
            "1000,                100.00",
            "1001,                100.08",
            "500.5,               50.05",
            "1000.5,              100.04",
            "10000,               820.00",
            "10001,               820.05",
            "0.000000000001,      0.0000000000001",
            "1000000000000000000, 50000000000000320.00",
    })
    void pricesEachUnitAtTheTierItFallsIn(String quantity, String expected) {
        assertThat(CALLS.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} units cost {1} with tier flat fees")
    @CsvSource({
            "0,     0",
            "0.5,   5.05",
            "1,     5.10",
            "1000,  105.00",
            "1001,  115.08",
            "10000, 835.00",
            "10001, 855.05",
    })
    void addsEachReachedTiersFlatFeeOnce(String quantity, String expected) {
        Graduated withFees = Graduated.of(
                Tier.upTo("1000", usd("0.10"), usd("5")),
                Tier.upTo("10000", usd("0.08"), usd("10")),
                Tier.unbounded(usd("0.05"), usd("20")));

        assertThat(withFees.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @Test
    void singleOpenEndedTierIsPerUnit() {
        Graduated single = Graduated.of(Tier.unbounded(usd("0.0000015")));

        assertThat(single.price(new BigDecimal("3000000")).amount()).isEqualByComparingTo("4.5");
    }

    @Test
    void keepsFullScaleUnrounded() {
        Money price = Graduated.of(Tier.upTo("1", usd("0.333")), Tier.unbounded(usd("0.0001"))).price(new BigDecimal("2"));

        assertThat(price.amount()).isEqualByComparingTo("0.3331");
        assertThat(price.amount().scale()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void refusesATierTableWithoutOpenEndedLastTier() {
        assertThatThrownBy(() -> Graduated.of(Tier.upTo("10", usd("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("last tier must be open-ended");
    }

    @Test
    void refusesAnOpenEndedTierBeforeTheLast() {
        assertThatThrownBy(() -> Graduated.of(Tier.unbounded(usd("1")), Tier.unbounded(usd("2"))))
                .hasMessageContaining("only the last tier may be open-ended");
    }

    @Test
    void refusesBoundsThatAreNotStrictlyAscending() {
        assertThatThrownBy(() -> Graduated.of(Tier.upTo("10", usd("1")), Tier.upTo("10", usd("1")),
                Tier.unbounded(usd("1"))))
                .hasMessageContaining("strictly ascending");
    }

    @Test
    void refusesMixedCurrenciesAndEmptyTables() {
        assertThatThrownBy(() -> Graduated.of(Tier.upTo("10", usd("1")), Tier.unbounded(Money.of("1", "EUR"))))
                .hasMessageContaining("one currency");
        assertThatThrownBy(() -> new Graduated(List.of())).hasMessageContaining("at least one tier");
    }

    @Test
    void refusesNonPositiveBoundsSoThatNoSentinelCanMeanUnbounded() {
        assertThatThrownBy(() -> new Tier(Optional.of(new BigDecimal("-1")), usd("1"), usd("0")))
                .hasMessageContaining("leave it empty for the open-ended last tier");
    }

    @Test
    void tierTableIsImmutable() {
        assertThatThrownBy(() -> CALLS.tiers().add(Tier.unbounded(usd("1"))))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
