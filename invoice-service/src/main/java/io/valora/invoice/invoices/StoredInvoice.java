package io.valora.invoice.invoices;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice as read back from the database, with its lines in order.
 *
 * @param id        deterministic id (see {@link InvoiceKey#id()})
 * @param key       tenant, customer, period start
 * @param header    period end, currency, status and sums
 * @param lifecycle number and the times of its transitions
 * @param lines     its lines
 */
public record StoredInvoice(String id, InvoiceKey key, Header header, Lifecycle lifecycle, List<StoredLine> lines) {

    /** Copies the lines. */
    public StoredInvoice {
        Objects.requireNonNull(lifecycle, "lifecycle");
        lines = List.copyOf(lines);
    }

    /** The same invoice with these lines. */
    public StoredInvoice withLines(List<StoredLine> newLines) {
        return new StoredInvoice(id, key, header, lifecycle, newLines);
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

    /**
     * Where the invoice is in its life.
     *
     * @param number           per-tenant sequential, gapless number
     * @param finalizedAt      when it was finalized
     * @param paidAt           when it was marked paid
     * @param voidedAt         when it was voided
     * @param paymentReference the opaque external payment reference given when marked paid
     */
    public record Lifecycle(long number, Optional<Instant> finalizedAt, Optional<Instant> paidAt,
                            Optional<Instant> voidedAt, Optional<String> paymentReference) {
    }
}
