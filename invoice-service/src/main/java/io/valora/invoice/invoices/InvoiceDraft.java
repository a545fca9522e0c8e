package io.valora.invoice.invoices;

import io.valora.billing.invoice.Invoice;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A draft invoice as computed from a period's rated charges, ready to be stored.
 *
 * <p>Why it exists: it joins the invoice's identity and period to billing-core's
 * {@link Invoice}, whose arithmetic (lines rounded once, totals as exact sums) is the only
 * source of the amounts that get stored.
 *
 * @param key             tenant, customer, period start
 * @param periodEnd       end of the billing period, exclusive
 * @param invoice         the lines and their sums
 * @param lines           the lines with meter and unit price, in the invoice's order
 * @param chargesRevision the highest charge revision the draft was built from
 */
public record InvoiceDraft(InvoiceKey key, Instant periodEnd, Invoice invoice, List<DraftLine> lines,
                           long chargesRevision) {

    /** Requires the parts and that {@code lines} are exactly the invoice's lines. */
    public InvoiceDraft {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(invoice, "invoice");
        lines = List.copyOf(lines);
        if (!lines.stream().map(DraftLine::line).toList().equals(invoice.lines())) {
            throw new IllegalArgumentException("draft lines must be the invoice's lines, in order");
        }
    }

    /** The invoice's currency. */
    public Currency currency() {
        return invoice.currency();
    }
}
