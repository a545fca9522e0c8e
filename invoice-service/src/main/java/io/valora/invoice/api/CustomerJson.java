package io.valora.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.valora.invoice.customers.StoredCustomer;

/**
 * The JSON form of a customer.
 *
 * @param externalId the adopting application's id of the customer
 * @param name       display name, if any
 * @param timeZone   IANA time zone of its billing periods
 * @param currency   ISO 4217 code
 * @param createdAt  ISO-8601 instant
 * @param updatedAt  ISO-8601 instant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerJson(String externalId, String name, String timeZone, String currency, String createdAt,
                           String updatedAt) {

    static CustomerJson of(StoredCustomer c) {
        return new CustomerJson(c.externalId(), c.name().orElse(null), c.timeZone(), c.currency(),
                c.createdAt().toString(), c.updatedAt().toString());
    }
}
