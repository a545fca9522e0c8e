package io.valora.billing.carddata;

/**
 * Finds text that looks like a payment card number (PAN), so Valora can refuse it before storing
 * it: the gateway before an event reaches Kafka, invoice-service before a payment reference reaches
 * PostgreSQL. Valora is outside PCI-DSS scope only as long as no card number is ever stored.
 *
 * <p>Why it lives in billing-core: every service must apply the same rule; two copies had drifted
 * apart (invoice-service's own let a card followed by its CVV through).
 *
 * <p>A candidate is 13–19 digits that pass the Luhn check, written either without separators or
 * in groups joined by a single space or dash ({@code 4111 1111 1111 1111},
 * {@code 4111-1111-1111-1111}, {@code 3782 822463 10005}). Within a run of groups, every
 * contiguous sequence of whole groups is tried, so a card followed by its CVV or expiry
 * ({@code 4111 1111 1111 1111 123}) is still found.
 *
 * <p>Trade-off, deliberately on the safe side: about one random 13–19 digit number in ten passes
 * Luhn, so long numeric identifiers (order numbers, nanosecond timestamps written as text) are
 * sometimes refused. A single unbroken digit run longer than 19 digits is not a card number and
 * is not examined window by window, which keeps long numeric ids and hashes from being refused.
 * Producers with such values should send them with a non-digit separator other than space or
 * dash (e.g. {@code ord_1234.5678.9012.3456}) or as RFC 3339 times.
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
            // A run shorter than 13 characters holds fewer than 13 digits (dates, amounts, short
            // ids: nearly every run): no need to split it into groups.
            if (end - i >= MIN_DIGITS && runHasCardNumber(text, i, end)) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /** End (exclusive) of the digit groups starting at {@code start}, joined by single separators. */
    private static int endOfGroupRun(CharSequence text, int start) {
        int i = start;
        int length = text.length();
        while (i < length) {
            if (isDigit(text.charAt(i))) {
                i++;
            } else if (isSeparator(text.charAt(i)) && i + 1 < length && isDigit(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean runHasCardNumber(CharSequence text, int start, int end) {
        // Group g spans starts[g] .. ends[g] (exclusive); groups are at least one digit plus a separator apart.
        int capacity = (end - start) / 2 + 1;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int groups = 0;
        int i = start;
        while (i < end) {
            starts[groups] = i;
            while (i < end && isDigit(text.charAt(i))) {
                i++;
            }
            ends[groups] = i;
            groups++;
            i++; // skip the separator
        }
        return slices(text, starts, ends, groups);
    }

    /** Tries every contiguous sequence of whole groups with 13–19 digits in total. */
    private static boolean slices(CharSequence text, int[] starts, int[] ends, int groups) {
        for (int first = 0; first < groups; first++) {
            int digits = 0;
            for (int last = first; last < groups; last++) {
                digits += ends[last] - starts[last];
                if (digits > MAX_DIGITS) {
                    break;
                }
                if (digits >= MIN_DIGITS && passesLuhn(text, starts, ends, first, last)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean passesLuhn(CharSequence text, int[] starts, int[] ends, int first, int last) {
        int sum = 0;
        boolean doubled = false;
        for (int g = last; g >= first; g--) {
            for (int i = ends[g] - 1; i >= starts[g]; i--) {
                int digit = text.charAt(i) - '0';
                if (doubled) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
                doubled = !doubled;
            }
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }
}
