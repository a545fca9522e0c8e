package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A fixed amount per billing period, whatever the usage.
 *
 * <p>Why it exists: subscription fees ("49 EUR a month"). The quantity is ignored; when the
 * subscription covers only part of the period, the fee is prorated by
 * {@link io.valora.billing.period.Proration} before it becomes a line.
 *
 * @param amount the fee for one whole period, not negative
 */
public record FlatFee(Money amount) implements PriceModel {

    /** Validates the fee. */
    public FlatFee {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("flat fee must not be negative, got " + amount);
        }
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        PriceModel.requireQuantity(periodToDateQuantity);
        return amount;
    }

    @Override
    public Currency currency() {
        return amount.currency();
    }
}
