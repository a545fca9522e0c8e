package io.valora.billing.aggregation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code MAX}: the largest value of the period (peak seats, peak storage).
 *
 * <p>Why it exists: peak-based pricing. The state starts empty — not at some "smallest
 * number" sentinel — and an empty period has quantity zero. Numerically equal values of
 * different scale are ordered by scale, so the result does not depend on arrival order.
 *
 * @param value the largest value so far, empty before the first event
 */
public record Max(Optional<BigDecimal> value) implements Aggregate<Max> {

    /** Validates presence. */
    public Max {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Max add(Measurement measurement) {
        return merge(new Max(Optional.of(measurement.value())));
    }

    @Override
    public Max merge(Max other) {
        if (value.isEmpty()) {
            return other;
        }
        if (other.value.isEmpty()) {
            return this;
        }
        return Extremes.compare(value.get(), other.value.get()) >= 0 ? this : other;
    }

    @Override
    public BigDecimal quantity() {
        return value.orElse(BigDecimal.ZERO);
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.MAX;
    }
}
