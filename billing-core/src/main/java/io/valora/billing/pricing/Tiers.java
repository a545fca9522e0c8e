package io.valora.billing.pricing;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

/** Validation shared by {@link Graduated} and {@link Volume}: the rules of a tier table. */
final class Tiers {

    private Tiers() {
    }

    /**
     * Returns an immutable copy after checking: at least one tier, strictly ascending upper
     * bounds, exactly the last tier open-ended, one currency.
     */
    static List<Tier> validate(List<Tier> tiers) {
        Objects.requireNonNull(tiers, "tiers");
        List<Tier> copy = List.copyOf(tiers);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a tiered price needs at least one tier");
        }
        Currency currency = copy.get(0).unitPrice().currency();
        for (int i = 0; i < copy.size(); i++) {
            Tier tier = copy.get(i);
            boolean last = i == copy.size() - 1;
            if (!tier.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("all tiers must share one currency: tier " + (i + 1)
                        + " is in " + tier.unitPrice().currency() + ", tier 1 in " + currency);
            }
            if (last && tier.upTo().isPresent()) {
                throw new IllegalArgumentException("the last tier must be open-ended (no upper bound) so that "
                        + "every quantity has a price; tier " + (i + 1) + " ends at "
                        + tier.upTo().get().toPlainString());
            }
            if (!last && tier.upTo().isEmpty()) {
                throw new IllegalArgumentException("only the last tier may be open-ended; tier " + (i + 1)
                        + " of " + copy.size() + " has no upper bound");
            }
            if (i > 0 && tier.upTo().isPresent()) {
                if (tier.upTo().get().compareTo(copy.get(i - 1).upTo().get()) <= 0) {
                    throw new IllegalArgumentException("tier upper bounds must be strictly ascending: tier "
                            + (i + 1) + " ends at " + tier.upTo().get().toPlainString() + ", tier " + i
                            + " at " + copy.get(i - 1).upTo().get().toPlainString());
                }
            }
        }
        return copy;
    }
}
