package io.valora.invoice.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void findsCardNumbersPlainGroupedOrEmbedded() {
        assertThat(CardNumbers.containsCardNumber("4111111111111111")).isTrue();
        assertThat(CardNumbers.containsCardNumber("4111 1111 1111 1111")).isTrue();
        assertThat(CardNumbers.containsCardNumber("card-5500-0000-0000-0004-paid")).isTrue();
        assertThat(CardNumbers.containsCardNumber("378282246310005")).isTrue();
    }

    @Test
    void acceptsProviderReferences() {
        assertThat(CardNumbers.containsCardNumber("pi_3NxYz2LkdIwHu7ix0ABCdEfG")).isFalse();
        assertThat(CardNumbers.containsCardNumber("ch_123456789012")).isFalse();
        assertThat(CardNumbers.containsCardNumber("4111111111111112")).isFalse();
        assertThat(CardNumbers.containsCardNumber("order 2026-11-20")).isFalse();
    }
}
