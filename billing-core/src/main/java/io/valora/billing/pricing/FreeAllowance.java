package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The first {@code freeUnits} of each period are free; the rest is priced by {@code then}.
 *
 * <p>Why it exists: "10,000 API calls included, then 0.001 USD each". The allowance is taken
 * off the period-to-date quantity before pricing: {@code price(q) = then.price(max(0, q - free))},
 * so the rating stream can still re-price the running total at every update.
 *
 * @param freeUnits units included per period, not negative
 * @param then      the model that prices the units above the allowance
 */
public record FreeAllowance(BigDecimal freeUnits, PriceModel then) implements PriceModel {

    /** Validates the allowance. */
    public FreeAllowance {
        Objects.requireNonNull(freeUnits, "freeUnits");
        Objects.requireNonNull(then, "then");
        if (freeUnits.signum() < 0) {
            throw new IllegalArgumentException("free allowance must not be negative, got " + freeUnits.toPlainString());
        }
    }

    /** The quantity left to price after the allowance. */
    public BigDecimal billableQuantity(BigDecimal quantity) {
        BigDecimal above = PriceModel.requireQuantity(quantity).subtract(freeUnits);
        return above.signum() > 0 ? above : BigDecimal.ZERO;
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        return then.price(billableQuantity(periodToDateQuantity));
    }

    @Override
    public Currency currency() {
        return then.currency();
    }
}
