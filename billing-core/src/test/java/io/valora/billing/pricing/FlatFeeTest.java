package io.valora.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatFeeTest {

    private static final FlatFee MONTHLY = new FlatFee(Money.of("49.00", "EUR"));

    @ParameterizedTest(name = "usage {0} still costs the fee")
    @ValueSource(strings = {"0", "1", "0.5", "1000", "1000000000000000000"})
    void chargesTheFeeWhateverTheUsage(String quantity) {
        assertThat(MONTHLY.price(new BigDecimal(quantity))).isEqualTo(Money.of("49.00", "EUR"));
    }

    @Test
    void refusesNegativeFeeAndQuantity() {
        assertThatThrownBy(() -> new FlatFee(Money.of("-1", "EUR"))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> MONTHLY.price(new BigDecimal("-1"))).hasMessageContaining("must not be negative");
    }
}
