package io.valora.invoice.subscriptions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a subscription stands at an instant (the schema's status values).
 *
 * <p>Why it exists: the status follows from the dates (trial end, end), so it is computed from them
 * and the clock rather than stored and kept up to date by a job.
 */
public enum SubscriptionStatus {
    /** Before the trial ends: usage is rated, flat fees are not charged. */
    TRIALING,
    /** Open-ended and past any trial. */
    ACTIVE,
    /** Cancelled with an end still in the future. */
    SCHEDULED_CANCEL,
    /** Ended. */
    CANCELLED;

    /** The code in JSON, SQL and Avro, e.g. {@code scheduled_cancel}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this code. */
    public static Optional<SubscriptionStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
