package io.valora.rating.model;

import io.valora.billing.limits.BillingLimits;
import io.valora.billing.money.Money;
import io.valora.billing.pricing.FlatFee;
import io.valora.billing.pricing.FreeAllowance;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.MinimumSpend;
import io.valora.billing.pricing.PerPackage;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.Tier;
import io.valora.billing.pricing.Volume;
import io.valora.billing.quantity.Quantities;
import java.math.BigDecimal;
import java.util.List;

/**
 * Checks a plan's price model against {@link BillingLimits} before rating uses it, so a catalog record
 * with an absurd price (a flat fee of {@code 1E+20}, a price of {@code 1E-999999999}) published straight
 * to the {@code plans} topic rejects its usage ({@code invalid-price}) instead of reaching the arithmetic.
 *
 * <p>Why in rating too, when the catalog API validates the same limits: the topic is the contract, and
 * rating cannot assume every writer went through the API. Magnitude and scale are both bounded because
 * {@code BigDecimal} arithmetic on an exponent of a billion (rounding to cents, a tier's width) would
 * spin a stream thread for minutes; within the limits every amount is computed in microseconds and an
 * amount too large for a charge is then rejected as {@code amount-overflow}.
 */
final class PriceLimits {

    private PriceLimits() {
    }

    /** @throws IllegalArgumentException naming the first price, fee or quantity out of the limits */
    static void check(PriceModel model) {
        // instanceof, not a pattern switch: the build targets Java 17
        if (model instanceof PerUnit m) {
            price(m.unitPrice(), "unitPrice");
        } else if (model instanceof PerPackage m) {
            price(m.packagePrice(), "packagePrice");
            quantity(m.packageSize(), "packageSize");
        } else if (model instanceof Graduated m) {
            tiers(m.tiers());
        } else if (model instanceof Volume m) {
            tiers(m.tiers());
        } else if (model instanceof FlatFee m) {
            flat(m.amount(), "flatAmount");
        } else if (model instanceof FreeAllowance m) {
            quantity(m.freeUnits(), "freeUnits");
            check(m.then());
        } else if (model instanceof MinimumSpend m) {
            flat(m.minimum(), "minimum");
            check(m.then());
        } else {
            throw new IllegalArgumentException("unknown price model " + model.getClass().getSimpleName());
        }
    }

    private static void tiers(List<Tier> tiers) {
        if (tiers.size() > BillingLimits.MAX_TIERS) {
            throw new IllegalArgumentException("at most " + BillingLimits.MAX_TIERS + " tiers, got " + tiers.size());
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String field = "tiers[" + i + "]";
            price(tier.unitPrice(), field + ".unitPrice");
            flat(tier.flatFee(), field + ".flatFee");
            tier.upTo().ifPresent(upTo -> quantity(upTo, field + ".upTo"));
        }
    }

    private static void price(Money price, String field) {
        bounded(price, BillingLimits.MAX_UNIT_PRICE, field);
    }

    private static void flat(Money amount, String field) {
        bounded(amount, BillingLimits.MAX_FLAT_AMOUNT, field);
    }

    private static void bounded(Money money, BigDecimal max, String field) {
        BigDecimal amount = money.amount();
        if (amount.abs().compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " is " + shortly(amount) + ", more than the limit " + max.toPlainString());
        }
        if (amount.scale() > BillingLimits.MAX_PRICE_SCALE && amount.stripTrailingZeros().scale() > BillingLimits.MAX_PRICE_SCALE) {
            throw new IllegalArgumentException(field + " has more than " + BillingLimits.MAX_PRICE_SCALE + " decimal places");
        }
    }

    private static void quantity(BigDecimal quantity, String field) {
        try {
            Quantities.requireValid(quantity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    /** Scientific notation for display: a plain string of 1E+999999999 would be a billion characters. */
    private static String shortly(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
