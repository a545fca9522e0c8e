package io.valora.invoice.api;

import java.util.List;

/**
 * A page of invoices.
 *
 * @param items      invoices ordered by period start, then id
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record InvoicePageJson(List<InvoiceJson> items, String nextCursor) {
}
