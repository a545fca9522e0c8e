package io.valora.billing.aggregation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code UNIQUE_COUNT}: the exact number of distinct values over the whole billing period
 * (monthly active users).
 *
 * <p>Why it exists: a sum of per-day (or per-window, per-partition) distinct counts counts a
 * user active on two days twice. This state keeps the distinct values themselves and merges by
 * set union, so windows and partitions can be combined without counting anyone twice. It is exact,
 * not an estimate; its size grows with the number of distinct values (each {@code add} of a
 * new value copies the set), which is the price of exactness.
 *
 * @param values the distinct values seen so far (an immutable copy is kept)
 */
public record UniqueCount(Set<String> values) implements Aggregate<UniqueCount> {

    /** Takes an immutable copy. */
    public UniqueCount {
        values = Set.copyOf(Objects.requireNonNull(values, "values"));
    }

    @Override
    public UniqueCount add(Measurement measurement) {
        if (values.contains(measurement.distinctValue())) {
            return this;
        }
        Set<String> union = new HashSet<>(values);
        union.add(measurement.distinctValue());
        return new UniqueCount(union);
    }

    @Override
    public UniqueCount merge(UniqueCount other) {
        if (other.values.size() > values.size()) {
            return other.merge(this);
        }
        if (values.containsAll(other.values)) {
            return this;
        }
        Set<String> union = new HashSet<>(values);
        union.addAll(other.values);
        return new UniqueCount(union);
    }

    @Override
    public BigDecimal quantity() {
        return BigDecimal.valueOf(values.size());
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.UNIQUE_COUNT;
    }
}
