package io.valora.gateway.events;

import java.time.Duration;

/**
 * The bounds an event must stay within to be accepted, taken from configuration
 * ({@code valora.ingest.*}) so an installation can tune them without code.
 *
 * @param maxAge oldest accepted event time, relative to now
 * @param maxSkew furthest accepted event time in the future (producers' clock skew)
 * @param maxDataDepth deepest nesting of objects and arrays inside {@code data}; 1 = a flat object
 * @param maxDataBytes largest {@code data} object, as compact JSON in UTF-8 bytes
 */
public record ValidationLimits(Duration maxAge, Duration maxSkew, int maxDataDepth, int maxDataBytes) {

    /** Defaults matching {@code application.properties}, for tests and tools. */
    public static ValidationLimits defaults() {
        return new ValidationLimits(Duration.ofDays(35), Duration.ofMinutes(5), 8, 64 * 1024);
    }
}
