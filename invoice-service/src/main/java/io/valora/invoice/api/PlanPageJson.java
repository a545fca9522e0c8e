package io.valora.invoice.api;

import java.util.List;

/**
 * A page of plans (latest versions).
 *
 * @param items      the plans, by key
 * @param nextCursor cursor of the next page, or null when this is the last
 */
public record PlanPageJson(List<PlanJson> items, String nextCursor) {
}
