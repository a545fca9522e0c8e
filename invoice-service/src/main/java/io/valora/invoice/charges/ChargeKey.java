package io.valora.invoice.charges;

import java.time.Instant;
import java.util.Objects;

/**
 * The natural key of a rated charge: the same key is the same charge, and a newer sequence
 * replaces it.
 *
 * @param tenant       the tenant the charge belongs to
 * @param subscription the subscription it is billed under
 * @param meter        the meter it measures
 * @param periodStart  start of the billing period, inclusive
 */
public record ChargeKey(String tenant, String subscription, String meter, Instant periodStart) {

    /** All parts are required. */
    public ChargeKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(periodStart, "periodStart");
    }
}
