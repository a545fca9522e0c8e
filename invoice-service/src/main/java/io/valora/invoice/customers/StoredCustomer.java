package io.valora.invoice.customers;

import java.time.Instant;
import java.util.Optional;

/**
 * A customer as stored.
 *
 * @param tenant     the tenant
 * @param externalId the adopting application's id of the customer
 * @param name       display name
 * @param timeZone   IANA time zone of its billing periods
 * @param currency   ISO 4217 code
 * @param createdAt  when it was created
 * @param updatedAt  when it last changed
 */
public record StoredCustomer(String tenant, String externalId, Optional<String> name, String timeZone, String currency,
                             Instant createdAt, Instant updatedAt) {
}
