package io.valora.invoice.api;

import java.util.List;

/**
 * A page of customers.
 *
 * @param items      customers ordered by creation time, then external id
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record CustomerPageJson(List<CustomerJson> items, String nextCursor) {
}
