package io.valora.invoice.api;

import java.util.List;

/**
 * Answer of {@code POST /v1/invoices/close}: the draft invoices written, one per customer.
 *
 * @param invoices the invoices as stored
 */
public record CloseResponse(List<InvoiceJson> invoices) {
}
