package io.valora.invoice.outbox;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How the outbox relay is doing: whether its last run failed and why, and how many rows are parked.
 *
 * <p>Why it exists: a relay that cannot publish stops key revocations and catalog changes from
 * reaching the other services; that must show on readiness ({@link OutboxReadiness}) and metrics
 * instead of only in a log line every second.
 */
@ApplicationScoped
public class OutboxStatus {

    private volatile String failure;
    private volatile long parked;

    void succeeded() {
        failure = null;
    }

    void failed(String error) {
        failure = error == null ? "unknown error" : error;
    }

    void parked(long count) {
        parked = count;
    }

    /** Why the last relay run failed, or null when it succeeded (or has not run yet). */
    public String failure() {
        return failure;
    }

    /** Unsent rows parked because the broker refuses them, as of the last relay run. */
    public long parkedRows() {
        return parked;
    }
}
