package io.valora.invoice.close;

import java.time.Instant;

/**
 * A period the scheduler could not close, as recorded.
 *
 * @param tenant        the tenant
 * @param subscription  the subscription
 * @param periodStart   start of the period
 * @param periodEnd     end of the period
 * @param attempts      failed attempts so far
 * @param error         the last error's message
 * @param firstFailedAt when it first failed
 * @param lastFailedAt  when it last failed
 * @param retryAt       when the scheduler tries it again
 */
public record CloseFailure(String tenant, String subscription, Instant periodStart, Instant periodEnd, int attempts,
                           String error, Instant firstFailedAt, Instant lastFailedAt, Instant retryAt) {
}
