package io.valora.invoice.api;

import io.valora.invoice.close.CloseFailure;
import java.time.Instant;

/**
 * A period the scheduler could not close, as the API shows it to its tenant.
 *
 * @param subscription  the subscription
 * @param periodStart   start of the period
 * @param periodEnd     end of the period
 * @param attempts      failed attempts so far
 * @param error         the last error
 * @param firstFailedAt when it first failed
 * @param lastFailedAt  when it last failed
 * @param retryAt       when it is tried again
 */
public record CloseFailureJson(String subscription, Instant periodStart, Instant periodEnd, int attempts, String error,
                               Instant firstFailedAt, Instant lastFailedAt, Instant retryAt) {

    static CloseFailureJson of(CloseFailure f) {
        return new CloseFailureJson(f.subscription(), f.periodStart(), f.periodEnd(), f.attempts(), f.error(), f.firstFailedAt(),
                f.lastFailedAt(), f.retryAt());
    }
}
