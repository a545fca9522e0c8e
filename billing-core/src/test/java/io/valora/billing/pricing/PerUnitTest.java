package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PerUnitTest {

    @ParameterizedTest(name = "{1} units at {0} USD cost {2}")
    @CsvSource({
            "0.10,       0,                  0",
            "0.10,       1,                  0.10",
            "0.10,       2.5,                0.25",
            "0.0000015,  1000000,            1.5",
            "0.0000015,  1,                  0.0000015",
            "0.0000015,  1000000000000000000, 1500000000000",
            "3,          0.000000000001,     0.000000000003",
    })
    void pricesEveryUnitTheSame(String unitPrice, String quantity, String expected) {
        PerUnit model = new PerUnit(Money.of(unitPrice, "USD"));

        assertThat(model.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
        assertThat(model.currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void refusesNegativeQuantityAndNegativePrice() {
        PerUnit model = new PerUnit(Money.of("1", "USD"));

        assertThatThrownBy(() -> model.price(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PerUnit(Money.of("-0.01", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }
}
