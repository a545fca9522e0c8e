package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreeAllowanceTest {

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** 10,000 calls included, then 0.001 USD per call. */
    private static final FreeAllowance INCLUDED = new FreeAllowance(new BigDecimal("10000"), new PerUnit(usd("0.001")));

    @ParameterizedTest(name = "{0} units cost {1}")
    @CsvSource({
            "0,                   0",
            "1,                   0",
            "10000,               0",
            "10001,               0.001",
            "10000.5,             0.0005",
            "20000,               10",
            "1000000000000000000, 999999999999990",
    })
    void chargesOnlyBeyondTheAllowance(String quantity, String expected) {
        assertThat(INCLUDED.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0} units over a graduated table cost {1}")
    @CsvSource({"100, 0", "101, 1", "200, 100", "201, 100.5"})
    void shiftsATieredTableByTheAllowance(String quantity, String expected) {
        FreeAllowance model = new FreeAllowance(new BigDecimal("100"),
                Graduated.of(Tier.upTo("100", usd("1")), Tier.unbounded(usd("0.5"))));

        assertThat(model.price(new BigDecimal(quantity)).amount()).isEqualByComparingTo(expected);
    }

    @Test
    void refusesNegativeAllowance() {
        assertThatThrownBy(() -> new FreeAllowance(new BigDecimal("-1"), new PerUnit(usd("1"))))
                .hasMessageContaining("must not be negative");
        assertThat(INCLUDED.currency().getCurrencyCode()).isEqualTo("USD");
    }
}
