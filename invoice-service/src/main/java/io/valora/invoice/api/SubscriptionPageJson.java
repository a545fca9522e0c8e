package io.valora.invoice.api;

import java.util.List;

/**
 * A page of subscriptions.
 *
 * @param items      oldest first
 * @param nextCursor cursor of the next page, or null when this is the last
 */
public record SubscriptionPageJson(List<SubscriptionJson> items, String nextCursor) {
}
