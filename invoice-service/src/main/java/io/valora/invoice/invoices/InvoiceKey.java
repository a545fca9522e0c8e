package io.valora.invoice.invoices;

import io.valora.billing.invoice.LineIds;
import java.time.Instant;
import java.util.Objects;

/**
 * What identifies an invoice: one per tenant, customer and billing period.
 *
 * <p>Why it exists: the invoice id is derived from this key ({@link #id()}), so closing a period
 * twice, or closing it by hand and by the scheduler, writes the same invoice instead of a second.
 *
 * @param tenant      the tenant
 * @param customer    the customer's external id
 * @param periodStart start of the billing period, inclusive
 */
public record InvoiceKey(String tenant, String customer, Instant periodStart) {

    /** All parts are required. */
    public InvoiceKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** The deterministic invoice id (a name-based UUID, see {@link LineIds}). */
    public String id() {
        return LineIds.of("invoice", tenant, customer, periodStart.toString());
    }
}
