package io.valora.rating.app;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code valora.rating.idle-close-delay}. It exists because the knob's "disabled" value must be a word: an
 * empty property is treated by the configuration as absent, so {@code -Dvalora.rating.idle-close-delay=} silently
 * kept the {@code PT1H} default and the wall clock went on closing periods, which made the billing of old usage
 * depend on timing.
 */
public final class IdleCloseDelay {

    /** The value that switches the wall-clock close off (periods close by event time only). */
    public static final String OFF = "off";

    private IdleCloseDelay() {
    }

    /**
     * The delay, or empty for {@value #OFF} (any case).
     *
     * @param value {@value #OFF}, or a duration as Quarkus reads one ({@code PT1H}, {@code 1h}, {@code 3600} seconds)
     * @throws IllegalArgumentException when {@code value} is blank, unreadable or negative, so a typo stops the
     *     start instead of choosing a behaviour
     */
    public static Optional<Duration> parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("valora.rating.idle-close-delay is empty: set a duration or '" + OFF + "'");
        }
        String trimmed = value.trim();
        if (OFF.equals(trimmed.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Duration delay;
        try {
            delay = DurationConverter.parseDuration(trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("valora.rating.idle-close-delay '" + value + "' is neither a duration nor '"
                    + OFF + "'", e);
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("valora.rating.idle-close-delay must be zero or positive, or '" + OFF + "'");
        }
        return Optional.of(delay);
    }
}
