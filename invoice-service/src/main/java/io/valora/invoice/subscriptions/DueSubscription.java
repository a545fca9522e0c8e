package io.valora.invoice.subscriptions;

import java.time.Instant;

/**
 * A subscription whose first unclosed billing period has ended.
 *
 * @param subscription the subscription
 * @param periodEnd    end of that period (its {@code next_period_end})
 */
public record DueSubscription(StoredSubscription subscription, Instant periodEnd) {
}
