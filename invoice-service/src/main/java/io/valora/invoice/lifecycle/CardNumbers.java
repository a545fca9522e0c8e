package io.valora.invoice.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card-number-like digit runs: a run of 13–19 digits, optionally grouped by single spaces
 * or dashes, that passes the Luhn check as a whole.
 *
 * <p>Why it exists: Valora stays outside PCI-DSS scope, so an opaque payment reference that
 * carries a card number is refused instead of stored.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,}");

    private CardNumbers() {
    }

    /** Whether {@code text} contains a 13–19 digit run that passes Luhn. */
    public static boolean containsCardNumber(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() <= 19 && luhn(digits)) {
                return true;
            }
        }
        return false;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
