package io.valora.billing.aggregation;

import java.math.BigDecimal;

/**
 * The running state of one meter's aggregation over a billing period.
 *
 * <p>Why it exists: the rating stream aggregates events per partition, in whatever order they
 * arrive, and may merge partial states (after a repartition, a restore, or per-window state).
 * Every implementation is an immutable value whose {@link #merge} is associative and
 * commutative and whose {@link #add} is a merge with a one-event state, so any order and any
 * split of the same events gives an <em>equal</em> state (record equality, scale included)
 * and therefore the same quantity and amount.
 *
 * @param <A> the concrete aggregate, so that {@code add} and {@code merge} keep the type
 */
public sealed interface Aggregate<A extends Aggregate<A>> permits Sum, Count, Max, Min, Latest, UniqueCount {

    /** The state after also seeing {@code measurement}. */
    A add(Measurement measurement);

    /** The state of both event sets together; associative and commutative. */
    A merge(A other);

    /** The period-to-date quantity to price (zero for an empty state). */
    BigDecimal quantity();

    /** Which aggregation this is. */
    AggregationKind kind();

    /**
     * Merges two aggregates known only as wildcards (as read from a store).
     *
     * @throws IllegalArgumentException when they are different kinds
     */
    static Aggregate<?> mergeAny(Aggregate<?> left, Aggregate<?> right) {
        if (left.kind() != right.kind()) {
            throw new IllegalArgumentException("cannot merge " + left.kind() + " with " + right.kind()
                    + "; a meter has one aggregation");
        }
        return mergeSameKind(left, right);
    }

    @SuppressWarnings("unchecked")
    private static <A extends Aggregate<A>> Aggregate<?> mergeSameKind(Aggregate<?> left, Aggregate<?> right) {
        return ((A) left).merge((A) right);
    }
}
