package io.valora.invoice.invoices;

import io.valora.billing.invoice.LineKind;
import java.math.BigDecimal;

/**
 * One stored invoice line.
 *
 * @param id          deterministic line id
 * @param kind        what the line charges for
 * @param meter       the meter for usage lines, else {@code null}
 * @param description text for the customer
 * @param quantity    exact quantity
 * @param unitPrice   exact unit price, or {@code null}
 * @param amountMinor amount in the currency's minor units
 */
public record StoredLine(String id, LineKind kind, String meter, String description, BigDecimal quantity,
                         BigDecimal unitPrice, long amountMinor) {
}
