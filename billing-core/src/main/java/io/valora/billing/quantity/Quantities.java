package io.valora.billing.quantity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Boundary validation of usage quantities.
 *
 * <p>Why it exists: a quantity that enters the rating path is trusted from then on, so every
 * quantity is checked once, where it enters (HTTP ingestion, catalog input), with a message a
 * user can act on. The limits:
 * <ul>
 *   <li>not negative (corrections are adjustments, not negative usage);</li>
 *   <li>at most {@link #MAX_QUANTITY} (10<sup>18</sup>, a quintillion units per event);</li>
 *   <li>at most {@link #MAX_FRACTION_DIGITS} (12) significant digits after the decimal point,
 *       enough for GB-seconds or pico-units, trailing zeros not counted;</li>
 *   <li>as text, at most {@link #MAX_TEXT_LENGTH} characters, plain decimal or exponent form
 *       ({@code "1.5"}, {@code "2E+3"}); {@code NaN}, {@code Infinity}, blanks, hexadecimal and
 *       thousands separators are refused.</li>
 * </ul>
 * The value keeps the scale it was given with; nothing is rounded.
 */
public final class Quantities {

    /** The largest accepted quantity: 10<sup>18</sup>. */
    public static final BigDecimal MAX_QUANTITY = BigDecimal.TEN.pow(18);

    /** The most significant digits accepted after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 12;

    /** The longest accepted textual quantity. */
    public static final int MAX_TEXT_LENGTH = 64;

    private Quantities() {
    }

    /**
     * Parses and validates a textual quantity.
     *
     * @throws IllegalArgumentException naming the problem and the limit
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("quantity is missing: expected a decimal number such as 12.5");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("quantity is too long: " + trimmed.length()
                    + " characters, at most " + MAX_TEXT_LENGTH + " allowed");
        }
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf")) {
            throw new IllegalArgumentException("quantity must be a finite decimal number, got '" + trimmed + "'");
        }
        final BigDecimal parsed;
        try {
            parsed = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quantity is not a decimal number: '" + trimmed
                    + "' (use a plain number such as 12.5, no separators or units)", e);
        }
        return requireValid(parsed);
    }

    /**
     * Validates a quantity against the documented limits and returns it unchanged.
     *
     * @throws IllegalArgumentException naming the problem and the limit
     */
    public static BigDecimal requireValid(BigDecimal quantity) {
        Objects.requireNonNull(quantity, "quantity is missing");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative, got " + quantity.toPlainString()
                    + " (report corrections as adjustments, not as negative usage)");
        }
        if (quantity.compareTo(MAX_QUANTITY) > 0) {
            throw new IllegalArgumentException("quantity is too large: at most 10^18 per event, got "
                    + abbreviate(quantity));
        }
        if (quantity.scale() > MAX_FRACTION_DIGITS
                && quantity.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("quantity has too many decimal places: at most "
                    + MAX_FRACTION_DIGITS + " allowed, got " + abbreviate(quantity));
        }
        return quantity;
    }

    private static String abbreviate(BigDecimal value) {
        String text = value.toString();
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }
}
