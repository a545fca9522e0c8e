package io.valora.billing.period;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The share of a billing period that a subscription was active, as an exact fraction.
 *
 * <p>Why it exists: flat fees are charged for the part of the period a plan covered — when a
 * subscription starts mid-period, changes plan, or is cancelled. The rule: <b>active elapsed
 * time divided by the period's elapsed time, to the nanosecond</b> ({@code [from, to)} clipped
 * to the period). Elapsed time is real time: a March in Europe/Berlin is one hour shorter than
 * 31 × 24 h. Because the intervals are half-open, a plan change at instant {@code T} gives the
 * old plan {@code [start, T)} and the new one {@code [T, end)}: every nanosecond is billed once,
 * and the two numerators add up to the denominator exactly.
 *
 * @param activeNanos elapsed nanoseconds the subscription was active within the period
 * @param periodNanos elapsed nanoseconds of the whole period, greater than zero
 */
public record Proration(long activeNanos, long periodNanos) {

    /** Validates {@code 0 <= active <= period} and {@code period > 0}. */
    public Proration {
        if (periodNanos <= 0 || activeNanos < 0 || activeNanos > periodNanos) {
            throw new IllegalArgumentException("proration must satisfy 0 <= active <= period and period > 0, got "
                    + activeNanos + "/" + periodNanos);
        }
    }

    /** The share of {@code period} covered by {@code [from, to)}; zero when they do not overlap. */
    public static Proration of(BillingPeriod period, Instant from, Instant to) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        long active = period.intersection(from, to).map(BillingPeriod::duration).map(Duration::toNanos).orElse(0L);
        return new Proration(active, period.duration().toNanos());
    }

    /** The whole period. */
    public static Proration whole(BillingPeriod period) {
        long nanos = period.duration().toNanos();
        return new Proration(nanos, nanos);
    }

    /** True when the subscription covered the whole period. */
    public boolean isWhole() {
        return activeNanos == periodNanos;
    }

    /**
     * {@code fee × active / period}, rounded once to the currency's minor units with {@code mode}.
     * A whole period returns the fee rounded; an empty share returns zero.
     */
    public Money applyTo(Money fee, RoundingMode mode) {
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(mode, "mode");
        BigDecimal exactNumerator = fee.amount().multiply(BigDecimal.valueOf(activeNanos));
        BigDecimal share = exactNumerator.divide(BigDecimal.valueOf(periodNanos),
                fee.currency().getDefaultFractionDigits(), mode);
        return Money.of(share, fee.currency());
    }
}
