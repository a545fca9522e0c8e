package io.valora.billing.period;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The one implementation of {@link BillingCalendar}: boundaries at {@code anchor + k × cadence}
 * in local time of {@code zone}, turned into instants by the zone's rules.
 *
 * <p>Why it exists as a record: two calendars with the same cadence, zone and anchor are the
 * same calendar, which keeps them usable as map keys and easy to compare in tests.
 *
 * @param cadence length of a period
 * @param zone    the customer's IANA time zone
 * @param anchor  a local date-time that starts a period
 */
public record ZonedBillingCalendar(Cadence cadence, ZoneId zone, LocalDateTime anchor) implements BillingCalendar {

    /** Validates that every part is present. */
    public ZonedBillingCalendar {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(anchor, "anchor");
    }

    @Override
    public BillingPeriod periodContaining(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long k = cadence.estimateIndex(anchor, LocalDateTime.ofInstant(instant, zone));
        while (boundary(k).isAfter(instant)) {
            k--;
        }
        // Boundaries never decrease; a boundary swallowed by a long DST gap makes an empty step, skipped here.
        while (!boundary(k + 1).isAfter(instant)) {
            k++;
        }
        return new BillingPeriod(boundary(k), boundary(k + 1));
    }

    /** The {@code k}-th period start as an instant: gaps move forward, overlaps take the earlier offset. */
    Instant boundary(long k) {
        return ZonedDateTime.of(cadence.boundary(anchor, k), zone).toInstant();
    }
}
