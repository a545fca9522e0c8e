package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Graduated (stepped) tiers: each unit is priced at the tier it falls in.
 *
 * <p>Why it exists: "the first 1,000 calls at 0.10, the next 9,000 at 0.08, the rest at 0.05"
 * — the common volume discount that never makes more usage cheaper overall. For tiers with
 * bounds {@code b1 < b2 < ...}, the units in tier {@code i} are {@code min(q, bi) - b(i-1)};
 * a tier's flat fee is added once the quantity is strictly above the tier's lower bound, so
 * zero usage costs nothing. Contrast {@link Volume}, where all units take the reached tier's
 * price.
 *
 * @param tiers ascending tiers, the last one open-ended
 */
public record Graduated(List<Tier> tiers) implements PriceModel {

    /** Validates the tier table (see {@link Tier}). */
    public Graduated {
        tiers = Tiers.validate(tiers);
    }

    /** Convenience for {@code new Graduated(List.of(tiers))}. */
    public static Graduated of(Tier... tiers) {
        return new Graduated(List.of(tiers));
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        BigDecimal quantity = PriceModel.requireQuantity(periodToDateQuantity);
        Money total = Money.zero(currency());
        BigDecimal lowerBound = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            if (quantity.compareTo(lowerBound) <= 0) {
                break;
            }
            BigDecimal upper = tier.covers(quantity) ? quantity : tier.upTo().orElseThrow();
            total = total.plus(tier.unitPrice().times(upper.subtract(lowerBound))).plus(tier.flatFee());
            if (tier.covers(quantity)) {
                break;
            }
            lowerBound = upper;
        }
        return total;
    }

    @Override
    public Currency currency() {
        return tiers.get(0).unitPrice().currency();
    }
}
