package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerPackageTest {

    @ParameterizedTest(name = "{2} units in packages of {1} at {0} cost {3}")
    @CsvSource({
            "10,   1000, 0,                   0",
            "10,   1000, 0.001,               10",
            "10,   1000, 1,                   10",
            "10,   1000, 999,                 10",
            "10,   1000, 1000,                10",
            "10,   1000, 1001,                20",
            "10,   1000, 2500.5,              30",
            "10,   1000, 1000000000000000000, 10000000000000000",
            "0.25, 0.5,  1.2,                 0.75",
            "0.25, 0.5,  1.5,                 0.75",
    })
    void chargesEveryStartedPackage(String packagePrice, String size, String quantity, String expected) {
        PerPackage model = new PerPackage(Money.of(packagePrice, "USD"), new BigDecimal(size));

        assertThat(model.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @Test
    void countsPackagesRoundingUp() {
        PerPackage model = new PerPackage(Money.of("1", "USD"), new BigDecimal("3"));

        assertThat(model.packages(new BigDecimal("7"))).isEqualByComparingTo("3");
        assertThat(model.packages(new BigDecimal("6"))).isEqualByComparingTo("2");
    }

    @Test
    void refusesEmptyPackagesAndNegativePrices() {
        assertThatThrownBy(() -> new PerPackage(Money.of("1", "USD"), BigDecimal.ZERO))
                .hasMessageContaining("package size must be greater than zero");
        assertThatThrownBy(() -> new PerPackage(Money.of("-1", "USD"), BigDecimal.ONE))
                .hasMessageContaining("must not be negative");
    }
}
