package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/invoices/{id}/mark-paid}.
 *
 * @param paymentReference the payment provider's opaque reference (e.g. {@code pi_3Nx...}), 1–200
 *                         printable characters; never card data — anything that looks like a card
 *                         number is refused
 */
public record MarkPaidRequest(String paymentReference) {
}
