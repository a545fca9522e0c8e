package io.valora.billing.carddata;

/**
 * The issuer prefixes (IIN ranges) and lengths of the card brands in use, as PCI data-discovery
 * scanners list them. A digit string is a candidate card number only if a brand issues numbers
 * with its prefix and length; that is what keeps millisecond timestamps (prefix 17 or 18, 13
 * digits), Unix-time ids and order numbers from being taken for cards.
 */
final class CardBrands {

    /**
     * One brand's range: numbers whose first {@code digits} digits lie in {@code [low, high]}, with
     * {@code minLength} to {@code maxLength} digits in all.
     */
    private record Range(String brand, int digits, int low, int high, int minLength, int maxLength) {
    }

    private static final Range[] RANGES = {
        new Range("Visa", 1, 4, 4, 13, 19),
        new Range("Mastercard", 2, 51, 55, 16, 16),
        new Range("Mastercard 2-series", 4, 2221, 2720, 16, 16),
        new Range("American Express", 2, 34, 34, 15, 15),
        new Range("American Express", 2, 37, 37, 15, 15),
        new Range("Diners Club", 3, 300, 305, 14, 19),
        new Range("Diners Club", 4, 3095, 3095, 14, 19),
        new Range("Diners Club", 2, 36, 36, 14, 19),
        new Range("Diners Club", 2, 38, 39, 16, 19),
        new Range("JCB", 4, 3528, 3589, 16, 19),
        new Range("Mir", 4, 2200, 2204, 16, 19),
        new Range("Maestro, Discover, UnionPay, RuPay, Verve", 2, 50, 50, 13, 19),
        new Range("Maestro, Discover, UnionPay, RuPay, Verve", 2, 56, 69, 13, 19),
        new Range("RuPay", 2, 81, 82, 16, 16),
        new Range("UATP", 1, 1, 1, 15, 15),
    };

    private CardBrands() {
    }

    /** Whether a brand issues numbers like {@code digits} (ASCII digits only). */
    static boolean issues(CharSequence digits) {
        int length = digits.length();
        for (Range range : RANGES) {
            if (length >= range.minLength() && length <= range.maxLength()
                    && inRange(prefix(digits, range.digits()), range.low(), range.high())) {
                return true;
            }
        }
        return false;
    }

    private static int prefix(CharSequence digits, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    private static boolean inRange(int value, int low, int high) {
        return value >= low && value <= high;
    }
}
