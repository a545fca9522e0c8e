package io.valora.rating.model;

import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.aggregation.Measurement;
import io.valora.billing.period.BillingCalendar;
import io.valora.billing.period.Cadence;
import io.valora.billing.period.ZonedBillingCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One event as one meter of one subscription sees it, fully resolved against the catalog: the
 * value of the repartition topic between resolution and rating.
 *
 * <p>Why it carries the price and the calendar instead of plan and subscription ids: the rating
 * task then prices with exactly what resolution saw, so a later catalog change cannot make the
 * two disagree, and rating needs no lookup that could fail.
 *
 * @param tenant the tenant
 * @param subscription the catalog subscription id
 * @param customer the customer's external id
 * @param meter the meter key
 * @param group canonical group-by values, or {@code null}
 * @param pricing plan version, currency, rounding and the meter's price model
 * @param calendar the subscription's billing periods
 * @param reading what the event contributes to the aggregation
 * @param source the usage event's bytes as read from {@code usage-events}, or {@code null}: rating sends the
 *     event itself to the rejected topic when its charge would overflow, or to the dead letters when rating
 *     it fails, and only has this usage in hand then (compared by content)
 */
public record MeteredUsage(String tenant, String subscription, String customer, String meter, String group,
        Pricing pricing, CalendarSpec calendar, Reading reading, byte[] source) {

    /** Usage without its event's bytes (tests, and records of format 2 on the internal topic). */
    public MeteredUsage(String tenant, String subscription, String customer, String meter, String group,
            Pricing pricing, CalendarSpec calendar, Reading reading) {
        this(tenant, subscription, customer, meter, group, pricing, calendar, reading, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeteredUsage that && Objects.equals(tenant, that.tenant)
                && Objects.equals(subscription, that.subscription) && Objects.equals(customer, that.customer)
                && Objects.equals(meter, that.meter) && Objects.equals(group, that.group)
                && Objects.equals(pricing, that.pricing) && Objects.equals(calendar, that.calendar)
                && Objects.equals(reading, that.reading) && Arrays.equals(source, that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, subscription, customer, meter, group, pricing, calendar, reading, Arrays.hashCode(source));
    }

    @Override
    public String toString() {
        return "MeteredUsage[" + tenant + "/" + subscription + "/" + meter + ", group=" + group + ", " + pricing + ", "
                + calendar + ", " + reading + ", source=" + (source == null ? "none" : source.length + " bytes") + "]";
    }

    /**
     * The subscription's billing calendar as data.
     *
     * @param timeZone IANA zone
     * @param cadence billing-core {@link Cadence} name
     * @param anchor local date-time that starts a period
     */
    public record CalendarSpec(String timeZone, String cadence, String anchor) {

        /**
         * Calendars already built: every event of a subscription carries the same spec, and parsing the
         * anchor and zone per event was a visible share of rating's CPU. Calendars are immutable values,
         * so sharing them across tasks is safe; bounded by clearing (a miss only costs the parse).
         */
        private static final Map<CalendarSpec, BillingCalendar> BUILT = new ConcurrentHashMap<>();
        private static final int MAX_BUILT = 100_000;

        /** The calendar; throws {@link java.time.DateTimeException} or {@link IllegalArgumentException} when unreadable. */
        public BillingCalendar toCalendar() {
            BillingCalendar built = BUILT.get(this);
            if (built != null) {
                return built;
            }
            BillingCalendar calendar = new ZonedBillingCalendar(Cadence.valueOf(cadence), ZoneId.of(timeZone), LocalDateTime.parse(anchor));
            if (BUILT.size() >= MAX_BUILT) {
                BUILT.clear();
            }
            BUILT.put(this, calendar);
            return calendar;
        }
    }

    /**
     * What one event contributes.
     *
     * @param eventId the event id (tie-break of {@code latest})
     * @param eventTime when the usage happened
     * @param aggregation billing-core {@link AggregationKind} name
     * @param value the numeric value (1 for count and unique_count)
     * @param distinct what unique_count counts distinct occurrences of
     */
    public record Reading(String eventId, Instant eventTime, String aggregation, BigDecimal value, String distinct) {

        public AggregationKind kind() {
            return AggregationKind.valueOf(aggregation);
        }

        public Measurement measurement() {
            return new Measurement(eventId, eventTime, value, distinct);
        }
    }
}
