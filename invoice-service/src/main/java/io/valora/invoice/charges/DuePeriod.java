package io.valora.invoice.charges;

import java.time.Instant;

/**
 * A (tenant, customer, period) whose period has ended and whose invoice is missing or stale.
 *
 * @param tenant      the tenant
 * @param periodStart start of the billing period
 * @param customer    the customer
 */
public record DuePeriod(String tenant, Instant periodStart, String customer) {
}
