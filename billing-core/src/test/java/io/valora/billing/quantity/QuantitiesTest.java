package io.valora.billing.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest(name = "''{0}'' parses to {1}")
    @CsvSource({
            "0,                     0",
            "12.5,                  12.5",
            "' 7 ',                 7",
            "2E+3,                  2000",
            "1000000000000000000,   1000000000000000000",
            "0.000000000001,        0.000000000001",
            "1.500000000000000000,  1.5",
    })
    void acceptsQuantitiesWithinTheLimits(String text, String expected) {
        assertThat(Quantities.parse(text)).isEqualByComparingTo(expected);
    }

    @Test
    void keepsTheScaleItWasGiven() {
        assertThat(Quantities.parse("1.50").scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "''{0}'' is refused with ''{1}''")
    @CsvSource({
            "-1,                         must not be negative",
            "-0.000001,                  must not be negative",
            "NaN,                        finite decimal number",
            "Infinity,                   finite decimal number",
            "-Infinity,                  finite decimal number",
            "1000000000000000000.000001, too large",
            "1E+19,                      too large",
            "1E+999999999,               too large",
            "0.0000000000001,            too many decimal places",
            "1E-13,                      too many decimal places",
            "'1,000',                    not a decimal number",
            "0x10,                       not a decimal number",
            "12 kg,                      not a decimal number",
    })
    void refusesValuesOutsideTheLimitsWithAClearMessage(String text, String message) {
        assertThatThrownBy(() -> Quantities.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void refusesMissingQuantities(String text) {
        assertThatThrownBy(() -> Quantities.parse(text)).hasMessageContaining("quantity is missing");
    }

    @Test
    void refusesOverlongText() {
        String text = "1." + "0".repeat(80);

        assertThatThrownBy(() -> Quantities.parse(text)).hasMessageContaining("too long");
    }

    @Test
    void requireValidChecksTheSameLimits() {
        assertThat(Quantities.requireValid(Quantities.MAX_QUANTITY)).isSameAs(Quantities.MAX_QUANTITY);
        assertThatThrownBy(() -> Quantities.requireValid(Quantities.MAX_QUANTITY.add(BigDecimal.ONE)))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> Quantities.requireValid(null)).isInstanceOf(NullPointerException.class);
    }
}
