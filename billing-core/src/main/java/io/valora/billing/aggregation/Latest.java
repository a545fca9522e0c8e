package io.valora.billing.aggregation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code LATEST}: the value of the event with the latest event time (a gauge such as "seats
 * at the end of the period").
 *
 * <p>Why it exists: gauges must not depend on arrival order. "Latest" is by event time, not
 * by arrival; two events at the same instant are ordered by event id (then value), so the
 * winner is the same whichever arrives first.
 *
 * @param latest the winning measurement so far, empty before the first event
 */
public record Latest(Optional<Measurement> latest) implements Aggregate<Latest> {

    /** Event time, then event id, then value and scale: a total order over measurements. */
    static final Comparator<Measurement> ORDER = Comparator.comparing(Measurement::eventTime)
            .thenComparing(Measurement::eventId)
            .thenComparing(Measurement::value, Extremes::compare)
            .thenComparing(Measurement::distinctValue);

    /** Validates presence. */
    public Latest {
        Objects.requireNonNull(latest, "latest");
    }

    @Override
    public Latest add(Measurement measurement) {
        return merge(new Latest(Optional.of(measurement)));
    }

    @Override
    public Latest merge(Latest other) {
        if (latest.isEmpty()) {
            return other;
        }
        if (other.latest.isEmpty()) {
            return this;
        }
        return ORDER.compare(latest.get(), other.latest.get()) >= 0 ? this : other;
    }

    @Override
    public BigDecimal quantity() {
        return latest.map(Measurement::value).orElse(BigDecimal.ZERO);
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.LATEST;
    }
}
