package io.valora.billing.aggregation;

import java.math.BigDecimal;

/**
 * {@code COUNT}: the number of events, whatever their values.
 *
 * <p>Why it exists: per-request pricing. Events are de-duplicated before they reach an
 * aggregation, so counting is adding one per event.
 *
 * @param count events seen so far, not negative
 */
public record Count(long count) implements Aggregate<Count> {

    /** The empty count. */
    public static final Count EMPTY = new Count(0);

    /** Validates the count. */
    public Count {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
    }

    @Override
    public Count add(Measurement measurement) {
        return new Count(Math.addExact(count, 1));
    }

    @Override
    public Count merge(Count other) {
        return new Count(Math.addExact(count, other.count));
    }

    @Override
    public BigDecimal quantity() {
        return BigDecimal.valueOf(count);
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.COUNT;
    }
}
