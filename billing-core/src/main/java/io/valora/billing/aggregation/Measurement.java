package io.valora.billing.aggregation;

import io.valora.billing.quantity.Quantities;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What one accepted usage event contributes to an aggregation.
 *
 * <p>Why it exists: the aggregations need only a few facts of an event — its id (for the
 * deterministic tie-break of {@link Latest}), its event time, the numeric value the meter read
 * and, for {@link UniqueCount}, the value whose distinct occurrences are counted. Keeping that
 * in one small record keeps the aggregations free of the wire format.
 *
 * @param eventId       the event's id, unique per tenant after de-duplication
 * @param eventTime     when the usage happened
 * @param value         the meter's value, validated by {@link Quantities#requireValid}
 * @param distinctValue what {@link UniqueCount} counts distinct occurrences of (e.g. a user id)
 */
public record Measurement(String eventId, Instant eventTime, BigDecimal value, String distinctValue) {

    /** Validates presence of every part and the value's limits. */
    public Measurement {
        Quantities.requireValid(value);
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(distinctValue, "distinctValue");
    }

    /** A measurement whose distinct value is its numeric value in canonical form ({@code 1.50} is {@code "1.5"}). */
    public static Measurement of(String eventId, Instant eventTime, BigDecimal value) {
        return new Measurement(eventId, eventTime, value, canonical(value));
    }

    /** A measurement for {@link UniqueCount} or {@link Count}: value 1, counting {@code distinctValue}. */
    public static Measurement ofDistinct(String eventId, Instant eventTime, String distinctValue) {
        return new Measurement(eventId, eventTime, BigDecimal.ONE, distinctValue);
    }

    private static String canonical(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
