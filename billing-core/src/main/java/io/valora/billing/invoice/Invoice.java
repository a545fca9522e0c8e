package io.valora.billing.invoice;

import io.valora.billing.money.Money;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The arithmetic of an invoice: lines in one currency and their sums.
 *
 * <p>Why it exists: the total must be exactly the sum of the lines the customer reads, so
 * lines are rounded once each and the totals are plain exact sums of them — never rounded
 * again and never recomputed from unrounded amounts.
 * <ul>
 *   <li>{@link #subtotal()}: this period's charges — {@code FLAT_FEE}, {@code USAGE} and
 *       {@code MINIMUM_TOP_UP} lines;</li>
 *   <li>{@link #total()}: the subtotal plus {@code ADJUSTMENT} lines (late usage of earlier
 *       periods), i.e. the sum of all lines. Valora computes no tax.</li>
 * </ul>
 * Line ids must be unique: a duplicate id is the same charge twice and is refused.
 *
 * @param currency the plan's currency
 * @param lines    lines in presentation order
 */
public record Invoice(Currency currency, List<InvoiceLine> lines) {

    /** Validates currency and line ids and takes an immutable copy of the lines. */
    public Invoice {
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Set<String> ids = new HashSet<>();
        for (InvoiceLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("line " + line.id() + " is in " + line.amount().currency()
                        + " but the invoice is in " + currency + "; an invoice has one currency");
            }
            if (!ids.add(line.id())) {
                throw new IllegalArgumentException("duplicate line id " + line.id()
                        + ": the same charge would be billed twice; replace the line instead of adding it");
            }
        }
    }

    /** Sum of this period's charges: every line except adjustments. */
    public Money subtotal() {
        return sum(false);
    }

    /** Sum of all lines, adjustments included. */
    public Money total() {
        return sum(true);
    }

    private Money sum(boolean withAdjustments) {
        Money sum = Money.zero(currency);
        for (InvoiceLine line : lines) {
            if (withAdjustments || line.kind() != LineKind.ADJUSTMENT) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }
}
