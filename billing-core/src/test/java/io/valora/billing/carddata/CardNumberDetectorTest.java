package io.valora.billing.carddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardNumberDetectorTest {

    @ParameterizedTest(name = "refuses {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            4111111111111111                 | Visa test number, plain
            4111 1111 1111 1111              | grouped by spaces
            4111-1111-1111-1111              | grouped by dashes
            3782 822463 10005                | Amex 4-6-5 grouping, 15 digits
            5555555555554444                 | Mastercard
            6011111111111117                 | Discover
            4222222222222                    | 13 digits, the shortest PAN
            6304000000000000000              | 19 digits, the longest PAN
            card=4111111111111111;exp=12/26  | inside other text
            tok_4111111111111111x            | glued to letters
            4111 1111 1111 1111 123          | followed by a CVV: the first four groups are a card
            99 4111 1111 1111 1111           | preceded by a short group
            1732406400000000009              | FALSE POSITIVE: a nanosecond timestamp that happens to pass Luhn
            1234567890128                    | FALSE POSITIVE: a 13-digit order number that passes Luhn
            card-5500-0000-0000-0004-paid    | dashed groups inside a payment reference
            """)
    void refusesCardLikeNumbers(String text, String why) {
        assertThat(CardNumberDetector.containsCardNumber(text)).as(why).isTrue();
    }

    @ParameterizedTest(name = "lets through {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            4111111111111112                 | fails Luhn by one digit
            4111 1111 1111 1112              | grouped, fails Luhn
            6304000000000000001              | 19 digits failing Luhn
            411111111111                     | 12 digits: too short even though a prefix of a card
            12345678901234567890             | 20 unbroken digits: a long id, never examined by windows
            1732406400000000000              | nanosecond timestamp failing Luhn
            4111111111111111123              | card + CVV without separators is 19 digits and fails Luhn (documented miss)
            4111--1111--1111--1111           | double separators break the groups (each group too short)
            4111.1111.1111.1111              | dots are not separators: four 4-digit groups
            2026-11-24T10:15:30Z             | a timestamp
            +1 555-010-4477                  | a phone number: too few digits
            ''                               | empty
            pi_3NxYz2LkdIwHu7ix0ABCdEfG      | a payment provider's reference
            ch_123456789012                  | a 12-digit charge id
            """)
    void letsLookAlikesThrough(String text, String why) {
        assertThat(CardNumberDetector.containsCardNumber(text)).as(why).isFalse();
    }
}
