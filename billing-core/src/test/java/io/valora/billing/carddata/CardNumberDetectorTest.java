package io.valora.billing.carddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumberDetectorTest {

    @ParameterizedTest(name = "refuses {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            4111111111111111                 | Visa test number, plain
            4111 1111 1111 1111              | grouped by spaces
            4111-1111-1111-1111              | grouped by dashes
            4111.1111.1111.1111              | grouped by dots
            4111  1111  1111  1111           | grouped by double spaces
            4111--1111--1111--1111           | grouped by double dashes
            3782 822463 10005                | Amex 4-6-5 grouping, 15 digits
            3056 930902 5904                 | Diners Club 4-6-4
            5555555555554444                 | Mastercard
            2223000048400011                 | Mastercard 2-series
            6011111111111117                 | Discover
            3530111333300000                 | JCB
            6200000000000005                 | UnionPay
            4222222222222                    | 13 digits, the shortest PAN
            6304000000000000000              | 19 digits, the longest PAN
            card=4111111111111111;exp=12/26  | inside other text
            tok_4111111111111111             | after an underscore (not a letter)
            4111 1111 1111 1111 123          | followed by a CVV: the first four groups are a card
            99 4111 1111 1111 1111           | preceded by a short group
            card-5500-0000-0000-0004-paid    | dashed groups inside a payment reference
            4111111111111111.0               | a JSON float's text: the integral part is a card
            """)
    void refusesCardLikeNumbers(String text, String why) {
        assertThat(CardNumberDetector.containsCardNumber(text)).as(why).isTrue();
    }

    @Test
    void refusesCardsSplitByNoBreakOrThinSpaces() {
        assertThat(CardNumberDetector.containsCardNumber("4111\u00A01111\u00A01111\u00A01111")).as("no-break spaces").isTrue();
        assertThat(CardNumberDetector.containsCardNumber("4111\u202F1111\u202F1111\u202F1111")).as("narrow no-break spaces").isTrue();
        assertThat(CardNumberDetector.containsCardNumber("4111\u20091111\u20091111\u20091111")).as("thin spaces").isTrue();
    }

    @Test
    void refusesCardsWrittenAsJsonNumbersInAnyNotation() {
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("4111111111111111"))).isTrue();
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("4111111111111111.0"))).isTrue();
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("4.111111111111111e15"))).isTrue();
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("-4111111111111111"))).isTrue();
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("4111111111111111.5"))).as("a fraction").isFalse();
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("1796657500123"))).as("a millisecond timestamp").isFalse();
        assertThat(CardNumberDetector.numberIsCard(new BigDecimal("42.5"))).isFalse();
    }

    @ParameterizedTest(name = "lets through {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            4111111111111112                 | fails Luhn by one digit
            4111 1111 1111 1112              | grouped, fails Luhn
            6304000000000000001              | 19 digits failing Luhn
            411111111111                     | 12 digits: too short even though a prefix of a card
            12345678901234567890             | 20 unbroken digits: a long id, never examined by windows
            1732406400000000009              | nanosecond timestamp passing Luhn: no brand starts with 17
            1234567890128                    | 13-digit order number passing Luhn: no brand starts with 12
            1796657500000                    | a millisecond timestamp
            t4-1796657500-12345              | a run id: Unix seconds and a counter are not a card's grouping
            tok_4111111111111111x            | glued to a letter: an identifier, not a card as written
            x4111111111111111                | glued to a letter
            4111111111111111123              | card + CVV without separators is 19 digits and fails Luhn (documented miss)
            4111 1111-1111 1111              | mixed separators: not how a card is written
            4111---1111---1111---1111        | three separators apart: not how a card is written
            2026-11-24T10:15:30Z             | a timestamp
            +1 555-010-4477                  | a phone number: too few digits
            ''                               | empty
            pi_3NxYz2LkdIwHu7ix0ABCdEfG      | a payment provider's reference
            ch_123456789012                  | a 12-digit charge id
            """)
    void letsLookAlikesThrough(String text, String why) {
        assertThat(CardNumberDetector.containsCardNumber(text)).as(why).isFalse();
    }

    @Test
    void acceptsOneHundredThousandConsecutiveMillisecondTimestamps() {
        long start = 1_796_657_500_000L;
        for (long t = start; t < start + 100_000; t++) {
            String text = Long.toString(t);
            if (CardNumberDetector.containsCardNumber(text) || CardNumberDetector.numberIsCard(BigDecimal.valueOf(t))) {
                throw new AssertionError("refused the millisecond timestamp " + t);
            }
        }
    }

    @Test
    void acceptsOneHundredThousandRunIdsOfUnixSecondsAndACounter() {
        long seconds = 1_796_657_500L;
        for (int counter = 0; counter < 100_000; counter++) {
            String id = "t4-" + (seconds + counter / 1000) + "-" + counter;
            if (CardNumberDetector.containsCardNumber(id)) {
                throw new AssertionError("refused the id " + id);
            }
        }
    }
}
