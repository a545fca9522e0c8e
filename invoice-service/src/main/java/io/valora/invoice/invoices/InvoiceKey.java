package io.valora.invoice.invoices;

import io.valora.billing.invoice.LineIds;
import java.time.Instant;
import java.util.Objects;

/**
 * What identifies an invoice: one per tenant, subscription and billing period, plus the customer
 * it is addressed to (a subscription has exactly one customer, so the customer is not part of the id).
 *
 * <p>Why it exists: the invoice id is derived from this key ({@link #id()}), so closing a period
 * twice, or closing it by hand and by the scheduler, writes the same invoice instead of a second.
 * Before the catalog, rating used the customer's id as the subscription id, so those invoices keep
 * their ids.
 *
 * @param tenant       the tenant
 * @param subscription the subscription billed
 * @param customer     the customer's external id
 * @param periodStart  start of the billing period, inclusive
 */
public record InvoiceKey(String tenant, String subscription, String customer, Instant periodStart) {

    /** All parts are required. */
    public InvoiceKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** The deterministic invoice id (a name-based UUID, see {@link LineIds}). */
    public String id() {
        return LineIds.of("invoice", tenant, subscription, periodStart.toString());
    }
}
