package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimumSpendTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** 0.02 USD per GB, at least 5 USD a period. */
    private static final MinimumSpend STORAGE = new MinimumSpend(usd("5.00"), new PerUnit(usd("0.02")));

    @ParameterizedTest(name = "{0} units cost {1}")
    @CsvSource({
            "0,                   5.00",
            "1,                   5.00",
            "250,                 5.00",
            "250.5,               5.01",
            "251,                 5.02",
            "0.5,                 5.00",
            "1000000000000000000, 20000000000000000",
    })
    void chargesAtLeastTheMinimum(String quantity, String expected) {
        assertThat(STORAGE.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @Test
    void refusesAMinimumInAnotherCurrency() {
        assertThatThrownBy(() -> new MinimumSpend(Money.of("5", "EUR"), new PerUnit(usd("1"))))
                .hasMessageContaining("must be in the model's currency");
        assertThatThrownBy(() -> new MinimumSpend(usd("-5"), new PerUnit(usd("1"))))
                .hasMessageContaining("must not be negative");
    }
}
