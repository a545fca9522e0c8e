package io.valora.invoice.subscriptions;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The close benchmark's (bench module) entry point to the scheduler's work list, kept until the
 * benchmark calls {@link SubscriptionStore#due} itself; the service no longer uses it.
 *
 * <p>Why it exists: the bench module is outside this change; removing the class would break its build.
 */
@Deprecated(forRemoval = true)
public final class SubscriptionReads {

    private SubscriptionReads() {
    }

    /** {@link SubscriptionStore#due} on {@code c}. */
    public static List<DueSubscription> due(Connection c, Instant now, Instant graceCutoff, int limit) {
        return SubscriptionStore.on(c).due(now, graceCutoff, limit);
    }
}
