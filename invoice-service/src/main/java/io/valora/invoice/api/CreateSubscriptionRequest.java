package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/subscriptions}.
 *
 * @param customer    the customer's external id (required)
 * @param plan        plan key (required)
 * @param planVersion a version; null = the latest
 * @param externalId  the client's id of the subscription; optional, unique per tenant
 * @param startAt     ISO-8601 instant; null = now
 * @param anchor      {@code calendar} (default) or {@code anniversary}
 * @param trialDays   days of trial from the start; null or 0 = none
 */
public record CreateSubscriptionRequest(String customer, String plan, Integer planVersion, String externalId, String startAt,
                                        String anchor, Integer trialDays) {
}
