package io.valora.invoice.subscriptions;

import java.time.Instant;
import java.util.Optional;

/**
 * What a client asks for when subscribing a customer (validated for form by the API).
 *
 * @param customer    the customer's external id
 * @param plan        plan key
 * @param planVersion a version, or empty for the latest
 * @param externalId  the client's id of the subscription, if any
 * @param startAt     the start, or empty for now
 * @param anchor      {@link Anchors#CALENDAR} or {@link Anchors#ANNIVERSARY}
 * @param trialDays   days of trial from the start (0 = none)
 */
public record NewSubscription(String customer, String plan, Optional<Integer> planVersion, Optional<String> externalId,
                              Optional<Instant> startAt, String anchor, int trialDays) {
}
