package io.valora.billing.aggregation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code SUM}: the exact total of the values (tokens, bytes, seconds).
 *
 * <p>Why it exists: the most common meter. {@link BigDecimal} addition is exact, associative
 * and commutative, and the scale of a sum is the largest scale of its terms, so the state is
 * equal in every order.
 *
 * @param total the exact sum so far
 */
public record Sum(BigDecimal total) implements Aggregate<Sum> {

    /** The empty sum. */
    public static final Sum EMPTY = new Sum(BigDecimal.ZERO);

    /** Validates presence. */
    public Sum {
        Objects.requireNonNull(total, "total");
    }

    @Override
    public Sum add(Measurement measurement) {
        return new Sum(total.add(measurement.value()));
    }

    @Override
    public Sum merge(Sum other) {
        return new Sum(total.add(other.total));
    }

    @Override
    public BigDecimal quantity() {
        return total;
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.SUM;
    }
}
