package io.valora.billing.pricing;

import io.valora.billing.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Volume tiers: the tier reached by the whole quantity prices <em>all</em> units.
 *
 * <p>Why it exists: "below 1,000 seats 10 EUR each, from 1,001 seats 8 EUR each for all of
 * them". The reached tier is the first whose inclusive upper bound is not below the quantity
 * (the last, open-ended tier reaches everything); the price is that tier's unit price times
 * the whole quantity plus its flat fee. Zero usage costs nothing. Unlike {@link Graduated},
 * the price can drop when a boundary is crossed (1,000 × 10 = 10,000 but 1,001 × 8 = 8,008);
 * that is the model's nature, not a bug.
 *
 * @param tiers ascending tiers, the last one open-ended
 */
public record Volume(List<Tier> tiers) implements PriceModel {

    /** Validates the tier table (see {@link Tier}). */
    public Volume {
        tiers = Tiers.validate(tiers);
    }

    /** Convenience for {@code new Volume(List.of(tiers))}. */
    public static Volume of(Tier... tiers) {
        return new Volume(List.of(tiers));
    }

    /** The tier that prices the given quantity. */
    public Tier tierFor(BigDecimal quantity) {
        PriceModel.requireQuantity(quantity);
        for (Tier tier : tiers) {
            if (tier.covers(quantity)) {
                return tier;
            }
        }
        throw new IllegalStateException("unreachable: the last tier is open-ended");
    }

    @Override
    public Money price(BigDecimal periodToDateQuantity) {
        BigDecimal quantity = PriceModel.requireQuantity(periodToDateQuantity);
        if (quantity.signum() == 0) {
            return Money.zero(currency());
        }
        Tier tier = tierFor(quantity);
        return tier.unitPrice().times(quantity).plus(tier.flatFee());
    }

    @Override
    public Currency currency() {
        return tiers.get(0).unitPrice().currency();
    }
}
