package io.valora.invoice.charges;

import java.time.Instant;

/**
 * A (tenant, subscription, period) whose period has ended and whose invoice is missing or a draft
 * built from older charges.
 *
 * @param tenant       the tenant
 * @param periodStart  start of the billing period
 * @param subscription the subscription
 * @param periodEnd    end of the billing period (the latest of its charges')
 */
public record DuePeriod(String tenant, Instant periodStart, String subscription, Instant periodEnd) {
}
