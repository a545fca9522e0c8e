package io.valora.billing.period;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A half-open interval of time {@code [start, end)} that one invoice covers.
 *
 * <p>Why it exists: usage is assigned to exactly one period, so the boundaries must neither
 * overlap nor leave gaps. An event at exactly {@code end} belongs to the next period. The
 * instants are absolute; the calendar that produced them decided the time zone.
 *
 * @param start first instant inside the period
 * @param end   first instant after the period, strictly after {@code start}
 */
public record BillingPeriod(Instant start, Instant end) {

    /** Validates that the period is not empty. */
    public BillingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a billing period must end after it starts: [" + start + ", " + end + ")");
        }
    }

    /** True when {@code start <= t < end}. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** The elapsed time of the period (a month with a DST change is an hour shorter or longer). */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The overlap with {@code [from, to)}, if any. */
    public Optional<BillingPeriod> intersection(Instant from, Instant to) {
        Instant s = from.isAfter(start) ? from : start;
        Instant e = to.isBefore(end) ? to : end;
        return s.isBefore(e) ? Optional.of(new BillingPeriod(s, e)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
