package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A per-period minimum for one priced charge: {@code price(q) = max(then.price(q), minimum)}.
 *
 * <p>Why it exists: "0.02 USD per GB, at least 5 USD a month". It applies to one metered
 * charge. A minimum over the whole invoice (a commitment across all charges) is a separate
 * {@code MINIMUM_TOP_UP} line made by {@link RatingPolicy#minimumTopUp}.
 *
 * @param minimum the least amount billed for the period, not negative, in the model's currency
 * @param then    the model that prices the usage
 */
public record MinimumSpend(Money minimum, PriceModel then) implements PriceModel {

    /** Validates the minimum and its currency. */
    public MinimumSpend {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(then, "then");
        if (minimum.signum() < 0) {
            throw new IllegalArgumentException("minimum spend must not be negative, got " + minimum);
        }
        if (!minimum.currency().equals(then.currency())) {
            throw new IllegalArgumentException("minimum spend " + minimum + " must be in the model's currency "
                    + then.currency());
        }
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        Money usage = then.price(periodToDateQuantity);
        return usage.compareTo(minimum) >= 0 ? usage : minimum;
    }

    @Override
    public Currency currency() {
        return minimum.currency();
    }
}
