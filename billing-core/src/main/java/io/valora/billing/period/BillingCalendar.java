package io.valora.billing.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Cuts time into consecutive {@link BillingPeriod}s for one customer.
 *
 * <p>Why it exists: every usage event must land in exactly one period, and that period must be
 * the one the customer sees on their calendar, in their own time zone, across DST changes.
 * Periods are half-open, contiguous and never empty.
 *
 * <p>Factories: {@link #monthly(ZoneId)} and {@link #calendarAligned(Cadence, ZoneId)} start
 * periods at local midnight of the 1st of the month, Monday (weekly), Jan 1 (yearly) or every
 * day; {@link #anchored(Cadence, ZoneId, LocalDateTime)} starts them on the subscription's
 * anniversary. A local boundary that falls into a DST gap moves forward by the length of the
 * gap; one that falls into an overlap takes the earlier offset.
 */
public interface BillingCalendar {

    /** The period with {@code start <= instant < end}. */
    BillingPeriod periodContaining(Instant instant);

    /** The period that starts where {@code period} ends. */
    default BillingPeriod periodAfter(BillingPeriod period) {
        return periodContaining(period.end());
    }

    /** Calendar-aligned months in that zone: from local midnight of the 1st to the next 1st. */
    static BillingCalendar monthly(ZoneId zone) {
        return calendarAligned(Cadence.MONTHLY, zone);
    }

    /**
     * Calendar-aligned periods in that zone: days from local midnight, ISO weeks from Monday,
     * months from the 1st, years from Jan 1.
     */
    static BillingCalendar calendarAligned(Cadence cadence, ZoneId zone) {
        // 1970-01-05 is a Monday; the 1st of January is the 1st of a month and of a year.
        LocalDate origin = cadence == Cadence.WEEKLY ? LocalDate.of(1970, 1, 5) : LocalDate.of(1970, 1, 1);
        return new ZonedBillingCalendar(cadence, zone, origin.atStartOfDay());
    }

    /**
     * Periods anchored on a local date and time, usually the subscription's start: an anchor on
     * Jan 31 gives periods starting Jan 31, Feb 28 (29 in leap years), Mar 31, Apr 30, ...
     */
    static BillingCalendar anchored(Cadence cadence, ZoneId zone, LocalDateTime anchor) {
        return new ZonedBillingCalendar(cadence, zone, anchor);
    }

    /** Periods anchored on the local date and time at which {@code subscriptionStart} happens in the zone. */
    static BillingCalendar anchoredAt(Cadence cadence, ZoneId zone, Instant subscriptionStart) {
        return anchored(cadence, zone, LocalDateTime.ofInstant(subscriptionStart, zone));
    }
}
