package io.valora.invoice.subscriptions;

import io.valora.billing.period.Cadence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Where a subscription's periods start: the local date-time that anchors its calendar.
 *
 * <p>Why it exists: "calendar" billing starts periods at the first of the cadence unit in the
 * customer's zone (month start, Monday, January 1st, midnight); "anniversary" billing at the
 * subscription's own start. Either way the anchor is one local date-time, and billing-core's
 * calendar derives every period from it.
 */
public final class Anchors {

    /** Periods aligned on the cadence unit. */
    public static final String CALENDAR = "calendar";
    /** Periods starting at the subscription's start. */
    public static final String ANNIVERSARY = "anniversary";

    private Anchors() {
    }

    /** The anchor of {@code mode} for a subscription starting at {@code startAt} in {@code zone}. */
    public static LocalDateTime of(String mode, Cadence cadence, ZoneId zone, Instant startAt) {
        LocalDateTime local = LocalDateTime.ofInstant(startAt, zone).truncatedTo(ChronoUnit.SECONDS);
        if (ANNIVERSARY.equals(mode)) {
            return local;
        }
        if (!CALENDAR.equals(mode)) {
            throw new IllegalArgumentException("anchor must be calendar or anniversary");
        }
        LocalDateTime midnight = local.truncatedTo(ChronoUnit.DAYS);
        return switch (cadence) {
            case DAILY -> midnight;
            case WEEKLY -> midnight.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> midnight.withDayOfMonth(1);
            case YEARLY -> midnight.withDayOfYear(1);
        };
    }
}
