package io.valora.billing.aggregation;

import java.util.Optional;
import java.util.Set;

/**
 * The aggregations a meter can use.
 *
 * <p>Why it exists: meters in the catalog name their aggregation; this enum maps the name to
 * the empty state the rating stream starts each period with.
 */
public enum AggregationKind {
    /** Sum of the values. */
    SUM,
    /** Number of events. */
    COUNT,
    /** Largest value. */
    MAX,
    /** Smallest value. */
    MIN,
    /** Value of the latest event by event time (ties broken by event id). */
    LATEST,
    /** Exact number of distinct values over the whole period. */
    UNIQUE_COUNT;

    /** The state before any event of the period. */
    public Aggregate<?> empty() {
        return switch (this) {
            case SUM -> Sum.EMPTY;
            case COUNT -> Count.EMPTY;
            case MAX -> new Max(Optional.empty());
            case MIN -> new Min(Optional.empty());
            case LATEST -> new Latest(Optional.empty());
            case UNIQUE_COUNT -> new UniqueCount(Set.of());
        };
    }
}
