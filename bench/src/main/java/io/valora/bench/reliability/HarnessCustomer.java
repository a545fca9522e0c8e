package io.valora.bench.reliability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One generated customer and its subscription's shape.
 *
 * @param tenant      tenant id
 * @param id          external id (the events' subject)
 * @param zone        time zone of its billing periods
 * @param changesPlan whether it moves from basic to pro in the middle of the current period
 */
public record HarnessCustomer(String tenant, String id, ZoneId zone, boolean changesPlan) {

    /** Start of the calendar month holding {@code now} in the customer's zone. */
    public Instant currentPeriodStart(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    /** Start of the month before. */
    public Instant previousPeriodStart(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return today.withDayOfMonth(1).minusMonths(1).atStartOfDay(zone).toInstant();
    }

    /** {@code tenant/customer}. */
    public String key() {
        return tenant + "/" + id;
    }
}
