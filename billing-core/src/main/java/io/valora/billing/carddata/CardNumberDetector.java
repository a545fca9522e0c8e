package io.valora.billing.carddata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds text that looks like a payment card number (PAN), so Valora can refuse it before storing
 * it: the gateway before an event reaches Kafka, invoice-service before catalog text or a payment
 * reference reaches PostgreSQL. Valora is outside PCI-DSS scope only as long as no card number is
 * ever stored. One rule for every service, in billing-core.
 *
 * <p>The rule, the way PCI data-discovery scanners apply it: a card number is 13–19 digits that
 * <ol>
 *   <li>a card brand issues ({@link CardBrands}: issuer prefix and length; a millisecond timestamp
 *       or a Unix-time id has no brand's prefix),</li>
 *   <li>are written as a card is written: unbroken, or in a card's grouping ({@link CardGroupings},
 *       e.g. 4-4-4-4, 4-6-5) with one separator throughout — a space, a no-break or thin space, a
 *       dash or a dot, single or doubled ({@code 4111  1111  1111  1111} is a card too),</li>
 *   <li>stand on their own: not glued to a letter ({@code tok4111111111111111} or
 *       {@code 4111111111111111x} are identifiers, not cards), and not part of an unbroken run of
 *       more than 19 digits (a long id or hash), and</li>
 *   <li>pass the Luhn check.</li>
 * </ol>
 * Inside a run of groups every contiguous sequence of whole groups is tried, so a card followed
 * by its CVV or expiry ({@code 4111 1111 1111 1111 123}) or preceded by other numbers is still
 * found. JSON numbers are checked through {@link #numberIsCard(BigDecimal)}, so a card written as
 * {@code 4111111111111111.0} or {@code 4.111111111111111e15} is found too.
 */
public final class CardNumberDetector {

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;

    private CardNumberDetector() {
    }

    /** Whether {@code text} contains anything that looks like a card number. */
    public static boolean containsCardNumber(CharSequence text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return false;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int end = endOfGroupRun(text, i);
            // Fewer than 13 characters hold fewer than 13 digits (dates, amounts, short ids): nearly
            // every run, so it is not split into groups at all.
            if (end - i >= MIN_DIGITS && runHasCardNumber(text, i, end)) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /**
     * Whether a JSON number is a card number: an integral value (whatever its notation:
     * {@code 4111111111111111}, {@code 4111111111111111.0}, {@code 4.111111111111111e15}) whose
     * digits are one.
     */
    public static boolean numberIsCard(BigDecimal value) {
        BigDecimal plain = value.abs().stripTrailingZeros();
        int integerDigits = plain.precision() - plain.scale();
        if (plain.scale() > 0 || integerDigits < MIN_DIGITS || integerDigits > MAX_DIGITS) {
            return false; // a fraction, or too few or too many digits for a card
        }
        BigInteger integral = plain.toBigIntegerExact();
        return containsCardNumber(integral.toString());
    }

    /** End (exclusive) of the digit groups starting at {@code start}, joined by separators of one or two characters. */
    private static int endOfGroupRun(CharSequence text, int start) {
        int i = start;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                i++;
            } else if (isSeparator(c)) {
                int next = i + 1 < length && text.charAt(i + 1) == c ? i + 2 : i + 1;
                if (next < length && isDigit(text.charAt(next))) {
                    i = next;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean runHasCardNumber(CharSequence text, int start, int end) {
        List<int[]> groups = new ArrayList<>(); // {start, end (exclusive)} of each digit group
        int i = start;
        while (i < end) {
            int groupStart = i;
            while (i < end && isDigit(text.charAt(i))) {
                i++;
            }
            groups.add(new int[] {groupStart, i});
            while (i < end && !isDigit(text.charAt(i))) {
                i++; // the separator, one or two characters
            }
        }
        boolean gluedBefore = start > 0 && Character.isLetter(text.charAt(start - 1));
        boolean gluedAfter = end < text.length() && Character.isLetter(text.charAt(end));
        for (int first = 0; first < groups.size(); first++) {
            if (first == 0 && gluedBefore) {
                continue;
            }
            int digits = 0;
            for (int last = first; last < groups.size(); last++) {
                int groupDigits = groups.get(last)[1] - groups.get(last)[0];
                if (groupDigits > MAX_DIGITS) {
                    break; // a long id or hash: neither a card nor part of one
                }
                digits += groupDigits;
                if (digits > MAX_DIGITS) {
                    break;
                }
                if (last == groups.size() - 1 && gluedAfter) {
                    break;
                }
                if (digits >= MIN_DIGITS && isCard(text, groups, first, last)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCard(CharSequence text, List<int[]> groups, int first, int last) {
        if (first != last && !(sameSeparators(text, groups, first, last) && CardGroupings.isWritten(lengths(groups, first, last)))) {
            return false;
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int g = first; g <= last; g++) {
            digits.append(text, groups.get(g)[0], groups.get(g)[1]);
        }
        return CardBrands.issues(digits) && passesLuhn(digits);
    }

    private static boolean sameSeparators(CharSequence text, List<int[]> groups, int first, int last) {
        CharSequence separator = text.subSequence(groups.get(first)[1], groups.get(first + 1)[0]);
        for (int g = first + 1; g < last; g++) {
            CharSequence next = text.subSequence(groups.get(g)[1], groups.get(g + 1)[0]);
            if (!next.toString().contentEquals(separator)) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> lengths(List<int[]> groups, int first, int last) {
        List<Integer> lengths = new ArrayList<>(last - first + 1);
        for (int g = first; g <= last; g++) {
            lengths.add(groups.get(g)[1] - groups.get(g)[0]);
        }
        return lengths;
    }

    private static boolean passesLuhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Space, no-break space, figure space, thin space, narrow no-break space, dash, dot. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u2007' || c == '\u2009' || c == '\u202F' || c == '-' || c == '.';
    }
}
