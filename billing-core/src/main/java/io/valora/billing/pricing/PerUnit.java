package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The same price for every unit: {@code price(q) = unitPrice × q}.
 *
 * <p>Why it exists: the simplest usage price (API calls, tokens, GB). Sub-cent unit prices
 * such as {@code 0.0000015 USD} keep their full scale, so a million units cost exactly
 * {@code 1.5 USD} with no drift.
 *
 * @param unitPrice the price of one unit, not negative
 */
public record PerUnit(Money unitPrice) implements PriceModel {

    /** Validates the unit price. */
    public PerUnit {
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("unit price must not be negative, got " + unitPrice);
        }
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        return unitPrice.times(PriceModel.requireQuantity(periodToDateQuantity));
    }

    @Override
    public Currency currency() {
        return unitPrice.currency();
    }
}
