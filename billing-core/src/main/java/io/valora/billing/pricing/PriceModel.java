package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * How a plan turns a period-to-date quantity into an amount.
 *
 * <p>Why it exists: the rating stream re-prices at every usage update and the invoice prices
 * the period's final total, so the two agree only if pricing is one pure function of the
 * period-to-date quantity. Each model is a small record in its own file; the set is closed so
 * that serializers and the catalog can switch over it exhaustively.
 *
 * <p>{@link #price(BigDecimal)} returns the <em>exact</em> amount (full scale, no rounding);
 * rounding to minor units happens once per line in {@link RatingPolicy}.
 */
public sealed interface PriceModel
        permits FlatFee, PerUnit, PerPackage, Graduated, Volume, FreeAllowance, MinimumSpend {

    /**
     * The exact amount for the period-to-date quantity.
     *
     * @param periodToDateQuantity a validated, non-negative quantity (see
     *                             {@link io.valora.billing.quantity.Quantities})
     */
    Money price(BigDecimal periodToDateQuantity);

    /** The one currency this model prices in. */
    Currency currency();

    /** Refuses a missing or negative quantity; shared by the models. */
    static BigDecimal requireQuantity(BigDecimal quantity) {
        if (quantity == null) {
            throw new IllegalArgumentException("quantity is missing");
        }
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative, got " + quantity.toPlainString());
        }
        return quantity;
    }
}
