package io.valora.invoice.api;

/**
 * Body of {@code POST /v1/customers}.
 *
 * @param externalId the adopting application's id of the customer (1–200 characters, no control characters)
 * @param name       display name; optional
 * @param timeZone   IANA time zone, e.g. {@code Europe/Berlin}; optional, default {@code UTC}
 * @param currency   ISO 4217 code, e.g. {@code EUR}
 */
public record CreateCustomerRequest(String externalId, String name, String timeZone, String currency) {
}
