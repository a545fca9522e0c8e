package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/subscriptions/{id}/cancel}.
 *
 * @param effective {@code now} (default) or {@code period_end}
 */
public record CancelSubscriptionRequest(String effective) {
}
