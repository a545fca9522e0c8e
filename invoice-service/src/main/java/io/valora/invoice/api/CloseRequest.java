package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/invoices/close}.
 *
 * @param periodStart ISO-8601 instant at which the period to close starts, e.g. {@code 2026-11-01T00:00:00Z}
 * @param customer     only this customer's subscriptions; absent = every customer
 * @param subscription only this subscription; absent = every subscription with a period starting there
 */
public record CloseRequest(String periodStart, String customer, String subscription) {
}
