package io.valora.invoice.close;

import io.valora.billing.period.BillingPeriod;
import io.valora.invoice.subscriptions.StoredSubscription;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One invoice to build: a subscription's period. The subscription is absent for charges whose
 * subscription the catalog does not know (rated before the catalog existed); then only the period
 * start is known and the invoice holds usage only.
 *
 * @param subscriptionId the subscription id
 * @param subscription   the catalog's subscription, if any
 * @param periodStart    start of the period
 * @param period         the whole period, when the subscription is known
 */
public record CloseTarget(String subscriptionId, Optional<StoredSubscription> subscription, Instant periodStart,
                          Optional<BillingPeriod> period) {

    /** Requires the parts. */
    public CloseTarget {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** The period of a catalog subscription. */
    public static CloseTarget of(StoredSubscription s, BillingPeriod period) {
        return new CloseTarget(s.id(), Optional.of(s), period.start(), Optional.of(period));
    }

    /** A subscription the catalog does not know. */
    public static CloseTarget unknown(String subscriptionId, Instant periodStart) {
        return new CloseTarget(subscriptionId, Optional.empty(), periodStart, Optional.empty());
    }
}
