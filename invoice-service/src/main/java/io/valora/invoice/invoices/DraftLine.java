package io.valora.invoice.invoices;

import io.valora.billing.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An invoice line plus what the service shows besides the arithmetic: the meter it bills and
 * the unit price it was rated with.
 *
 * @param line      the line (id, kind, description, quantity, rounded amount)
 * @param meter     the meter, or {@code null} for lines that are not usage
 * @param unitPrice the unit price in the currency's major unit, or {@code null}
 */
public record DraftLine(InvoiceLine line, String meter, BigDecimal unitPrice) {

    /** The line is required. */
    public DraftLine {
        Objects.requireNonNull(line, "line");
    }
}
