package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/subscriptions/{id}/change-plan}.
 *
 * @param plan        the new plan's key
 * @param planVersion a version; null = the latest
 * @param effective   {@code now} (default) or {@code next_period}
 */
public record ChangePlanRequest(String plan, Integer planVersion, String effective) {
}
