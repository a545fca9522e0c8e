package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Up to 1,000 seats at 10, up to 5,000 at 8, beyond at 6 — for all seats. */
    private static final Volume SEATS = Volume.of(
            Tier.upTo("1000", eur("10")),
            Tier.upTo("5000", eur("8")),
            Tier.unbounded(eur("6")));

    @ParameterizedTest(name = "{0} units cost {1}")
    @CsvSource({
            "0,                   0",
            "1,                   10",
            "1000,                10000",
            "1001,                8008",
            "1000.5,              8004",
            "0.25,                2.5",
            "5000,                40000",
            "5000.5,              30003",
            "1000000000000000000, 6000000000000000000",
    })
    void pricesAllUnitsAtTheReachedTier(String quantity, String expected) {
        assertThat(SEATS.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} units cost {1} with the reached tier's flat fee")
    @CsvSource({"0, 0", "1, 110", "1000, 10100", "1001, 8058", "5001, 30026"})
    void addsOnlyTheReachedTiersFlatFee(String quantity, String expected) {
        Volume withFees = Volume.of(
                Tier.upTo("1000", eur("10"), eur("100")),
                Tier.upTo("5000", eur("8"), eur("50")),
                Tier.unbounded(eur("6"), eur("20")));

        assertThat(withFees.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} reaches the tier up to {1}")
    @CsvSource({"0, 1000", "1000, 1000", "1000.000000000001, 5000", "5000, 5000", "5001, none"})
    void upperBoundIsInclusive(String quantity, String expectedBound) {
        Tier tier = SEATS.tierFor(new BigDecimal(quantity));

        assertThat(tier.upTo().map(BigDecimal::toPlainString).orElse("none")).isEqualTo(expectedBound);
    }

    @Test
    void priceDropsWhenCrossingABoundaryByDesign() {
        Money atBoundary = SEATS.price(new BigDecimal("1000"));
        Money oneOver = SEATS.price(new BigDecimal("1001"));

        assertThat(oneOver).isLessThan(atBoundary);
    }

    @Test
    void refusesNegativeQuantityAndInvalidTables() {
        assertThatThrownBy(() -> SEATS.price(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Volume.of(Tier.upTo("5", eur("1")))).hasMessageContaining("open-ended");
    }
}
