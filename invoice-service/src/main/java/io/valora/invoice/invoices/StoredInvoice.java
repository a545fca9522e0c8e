package io.valora.invoice.invoices;

import java.time.Instant;
import java.util.List;

/**
 * An invoice as read back from the database, with its lines in order.
 *
 * @param id     deterministic id (see {@link InvoiceKey#id()})
 * @param key    tenant, customer, period start
 * @param header period end, currency, status and sums
 * @param lines  its lines
 */
public record StoredInvoice(String id, InvoiceKey key, Header header, List<StoredLine> lines) {

    /** Copies the lines. */
    public StoredInvoice {
        lines = List.copyOf(lines);
    }

    /**
     * The invoice's stored figures.
     *
     * @param periodEnd     end of the billing period, exclusive
     * @param currency      ISO 4217 code
     * @param status        life-cycle state
     * @param subtotalMinor sum of this period's lines, in minor units
     * @param totalMinor    sum of all lines, in minor units
     */
    public record Header(Instant periodEnd, String currency, InvoiceStatus status, long subtotalMinor,
                         long totalMinor) {
    }
}
