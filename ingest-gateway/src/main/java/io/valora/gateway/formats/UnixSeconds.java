package io.valora.gateway.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Unix timestamps as Lago and Stripe send them (seconds, possibly with a fraction, as a JSON
 * number or a string) turned into RFC 3339 text, so the CloudEvents validator applies the same
 * time window to every format.
 */
final class UnixSeconds {

    /** Beyond this a value is not seconds (perhaps milliseconds) and certainly not a usage time. */
    private static final BigDecimal LIMIT = BigDecimal.valueOf(100_000_000_000L);

    private UnixSeconds() {
    }

    /** RFC 3339 for a seconds value, or empty if {@code text} is not a plausible number of seconds. */
    static Optional<String> toRfc3339(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seconds.abs().compareTo(LIMIT) >= 0) {
            return Optional.empty();
        }
        long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).setScale(0, java.math.RoundingMode.FLOOR).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos).toString());
    }
}
