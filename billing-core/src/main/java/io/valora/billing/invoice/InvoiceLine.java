package io.valora.billing.invoice;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of an invoice: what is charged, how much of it, and the rounded amount.
 *
 * <p>Why it exists: the invoice is the sum of its lines, so each line carries an amount
 * already rounded to the currency's minor units (rounded once, by the plan's
 * {@link io.valora.billing.pricing.RatingPolicy}); the constructor refuses an amount with
 * sub-minor-unit digits and normalises the scale ({@code 5.1 USD} becomes {@code 5.10 USD}),
 * so equal lines are equal records and serialise identically. The id is derived from the
 * line's natural key ({@link LineIds}) so that recomputing a line replaces it.
 *
 * @param id          deterministic id, see {@link LineIds}
 * @param kind        what the line charges for
 * @param description text shown to the customer
 * @param quantity    the quantity charged (the period-to-date total for usage, the added
 *                    quantity for an adjustment, 1 for a fee)
 * @param amount      the amount at the currency's minor units; negative only for adjustments
 */
public record InvoiceLine(String id, LineKind kind, String description, BigDecimal quantity, Money amount) {

    /** Validates the line and normalises the amount's scale to the currency's minor units. */
    public InvoiceLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        if (id.isBlank()) {
            throw new IllegalArgumentException("line id must not be blank; derive it with LineIds.of(...)");
        }
        if (!amount.isAtMinorUnits()) {
            throw new IllegalArgumentException("line amount " + amount + " has digits below the currency's minor "
                    + "unit; round it once with RatingPolicy.round(...) before making a line");
        }
        if (amount.signum() < 0 && kind != LineKind.ADJUSTMENT) {
            throw new IllegalArgumentException("only an ADJUSTMENT line may be negative, got " + kind + " " + amount);
        }
        amount = amount.roundedToMinorUnits(RoundingMode.UNNECESSARY);
    }
}
