package io.valora.invoice.api;

import java.util.List;

/**
 * A page of API keys (never with key text).
 *
 * @param items      keys ordered by creation time, then id
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record ApiKeyPageJson(List<ApiKeyJson> items, String nextCursor) {
}
