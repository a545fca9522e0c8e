package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One tier of a {@link Graduated} or {@link Volume} price: units up to and including
 * {@code upTo} cost {@code unitPrice} each, and reaching the tier adds {@code flatFee}.
 *
 * <p>Why it exists: tier tables are the part of pricing most often misread. The upper bound is
 * inclusive and the open-ended last tier has <em>no</em> upper bound ({@link Optional#empty()}),
 * never a sentinel such as {@code -1}.
 *
 * @param upTo      inclusive upper bound of the tier, empty for the open-ended last tier
 * @param unitPrice price of each unit in the tier
 * @param flatFee   added once when the quantity reaches the tier (zero for none)
 */
public record Tier(Optional<BigDecimal> upTo, Money unitPrice, Money flatFee) {

    /** Validates bounds, prices and currency. */
    public Tier {
        Objects.requireNonNull(upTo, "upTo (use Optional.empty() for the open-ended tier)");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(flatFee, "flatFee");
        upTo.ifPresent(bound -> {
            if (bound.signum() <= 0) {
                throw new IllegalArgumentException("tier upper bound must be greater than zero, got "
                        + bound.toPlainString() + " (leave it empty for the open-ended last tier)");
            }
        });
        if (unitPrice.signum() < 0 || flatFee.signum() < 0) {
            throw new IllegalArgumentException("tier prices must not be negative: " + unitPrice + ", " + flatFee);
        }
        if (!unitPrice.currency().equals(flatFee.currency())) {
            throw new IllegalArgumentException("tier unit price and flat fee must share a currency: "
                    + unitPrice + ", " + flatFee);
        }
    }

    /** A bounded tier without flat fee. */
    public static Tier upTo(String upTo, Money unitPrice) {
        return new Tier(Optional.of(new BigDecimal(upTo)), unitPrice, Money.zero(unitPrice.currency()));
    }

    /** A bounded tier with a flat fee. */
    public static Tier upTo(String upTo, Money unitPrice, Money flatFee) {
        return new Tier(Optional.of(new BigDecimal(upTo)), unitPrice, flatFee);
    }

    /** The open-ended last tier without flat fee. */
    public static Tier unbounded(Money unitPrice) {
        return new Tier(Optional.empty(), unitPrice, Money.zero(unitPrice.currency()));
    }

    /** The open-ended last tier with a flat fee. */
    public static Tier unbounded(Money unitPrice, Money flatFee) {
        return new Tier(Optional.empty(), unitPrice, flatFee);
    }

    /** True when the quantity does not go past this tier. */
    boolean covers(BigDecimal quantity) {
        return upTo.map(bound -> quantity.compareTo(bound) <= 0).orElse(true);
    }
}
