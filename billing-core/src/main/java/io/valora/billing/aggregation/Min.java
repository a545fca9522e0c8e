package io.valora.billing.aggregation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code MIN}: the smallest value of the period.
 *
 * <p>Why it exists: floor-based metrics (minimum provisioned capacity). The state starts
 * empty — not at some "largest number" sentinel — and an empty period has quantity zero.
 * Numerically equal values of different scale are ordered by scale, so the result does not
 * depend on arrival order.
 *
 * @param value the smallest value so far, empty before the first event
 */
public record Min(Optional<BigDecimal> value) implements Aggregate<Min> {

    /** Validates presence. */
    public Min {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Min add(Measurement measurement) {
        return merge(new Min(Optional.of(measurement.value())));
    }

    @Override
    public Min merge(Min other) {
        if (value.isEmpty()) {
            return other;
        }
        if (other.value.isEmpty()) {
            return this;
        }
        return Extremes.compare(value.get(), other.value.get()) <= 0 ? this : other;
    }

    @Override
    public BigDecimal quantity() {
        return value.orElse(BigDecimal.ZERO);
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.MIN;
    }
}
