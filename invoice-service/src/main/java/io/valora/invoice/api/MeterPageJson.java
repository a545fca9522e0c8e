package io.valora.invoice.api;

import java.util.List;

/**
 * A page of meters.
 *
 * @param items      meters ordered by creation time, then key
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record MeterPageJson(List<MeterJson> items, String nextCursor) {
}
