package io.valora.billing.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void keepsFullScaleOfSubCentAmounts() {
        Money unitPrice = Money.of("0.0000015", "USD");

        assertThat(unitPrice.amount()).isEqualByComparingTo("0.0000015");
        assertThat(unitPrice.amount().scale()).isEqualTo(7);
        assertThat(unitPrice.times(new BigDecimal("1000000")).amount()).isEqualByComparingTo("1.5");
    }

    @ParameterizedTest(name = "{0} {1} rounds {2} to {3}")
    @CsvSource({
            "USD, 12.345, HALF_UP, 12.35",
            "USD, 12.345, HALF_EVEN, 12.34",
            "USD, 12.355, HALF_EVEN, 12.36",
            "USD, 12.341, CEILING, 12.35",
            "JPY, 1234.5, HALF_UP, 1235",
            "JPY, 1234.4, HALF_UP, 1234",
            "BHD, 1.2345, HALF_UP, 1.235",
            "BHD, 1.2344, HALF_UP, 1.234",
            "USD, -0.005, HALF_UP, -0.01",
    })
    void roundsToTheCurrencysMinorUnits(String code, String amount, RoundingMode mode, String expected) {
        Money rounded = Money.of(amount, code).roundedToMinorUnits(mode);

        assertThat(rounded.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(rounded.amount().scale()).isEqualTo(Currency.getInstance(code).getDefaultFractionDigits());
    }

    @ParameterizedTest(name = "{1} minor units of {0} is {2}")
    @CsvSource({"USD, 1234, 12.34", "JPY, 1234, 1234", "BHD, 1234, 1.234", "USD, -5, -0.05", "USD, 0, 0.00"})
    void convertsMinorUnitsBothWays(String code, long minorUnits, String amount) {
        Currency currency = Currency.getInstance(code);

        assertThat(Money.ofMinorUnits(minorUnits, currency).amount()).isEqualTo(new BigDecimal(amount));
        assertThat(Money.of(amount, code).toMinorUnits()).isEqualTo(minorUnits);
    }

    @Test
    void toMinorUnitsAcceptsTrailingZerosBeyondTheMinorUnit() {
        assertThat(Money.of("12.3400", "USD").toMinorUnits()).isEqualTo(1234L);
    }

    @Test
    void toMinorUnitsRefusesSubMinorUnitDigits() {
        assertThatThrownBy(() -> Money.of("12.345", "USD").toMinorUnits()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("1.5", "JPY").toMinorUnits()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void toMinorUnitsRefusesAmountsBeyondLong() {
        assertThatThrownBy(() -> Money.of("1E+30", "USD").toMinorUnits()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void plusIsExactAndRefusesOtherCurrencies() {
        assertThat(Money.of("0.1", "USD").plus(Money.of("0.2", "USD")).amount()).isEqualByComparingTo("0.3");
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD vs EUR");
    }

    @Test
    void timesDoesNotRound() {
        Money product = Money.of("0.333", "USD").times(new BigDecimal("0.333"));

        assertThat(product.amount()).isEqualTo(new BigDecimal("0.110889"));
    }

    @Test
    void zeroIsAtMinorUnitScale() {
        assertThat(Money.zero(USD).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.zero(Currency.getInstance("JPY")).amount()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void refusesCurrenciesWithoutMinorUnitsAndUnknownCodes() {
        assertThatThrownBy(() -> Money.of("1", "XAU")).hasMessageContaining("no minor unit");
        assertThatThrownBy(() -> Money.of("1", "ABC")).hasMessageContaining("unknown ISO 4217");
        assertThatThrownBy(() -> Money.of("1,5", "USD")).hasMessageContaining("not a decimal amount");
    }

    @Test
    void numericalEqualityIgnoresScaleButRecordEqualityDoesNot() {
        Money a = Money.of("1.0", "USD");
        Money b = Money.of("1.00", "USD");

        assertThat(a.isEqualTo(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.toString()).isEqualTo("1.0 USD");
    }
}
