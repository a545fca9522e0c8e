package io.valora.billing.limits;

import io.valora.billing.quantity.Quantities;
import java.math.BigDecimal;

/**
 * The documented limits of what Valora bills, in one place, so every entry point validates the
 * same numbers (a 422 that names the field) and rating can never meet a value it cannot represent.
 *
 * <p>Why these: amounts travel as {@code long} minor units ({@code RatedCharge.amountMinor}), so
 * an amount is bounded by {@link #MAX_AMOUNT_MINOR}. Input limits keep each price, fee and
 * quantity far below values anyone bills; the product of a period's summed quantity and a price
 * can still exceed the bound (billions of events of the largest quantity), so rating checks the
 * exact amount before converting it and rejects the event that would overflow with reason
 * {@code amount-overflow} instead of failing.
 */
public final class BillingLimits {

    /** Largest quantity of one event (the gateway's and rating's per-event cap). */
    public static final BigDecimal MAX_EVENT_QUANTITY = Quantities.MAX_QUANTITY;
    /** Largest unit price (major units) of any price model: per unit, package, tier. */
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000");
    /** Largest flat amount (major units): a plan's flat fee, a tier's flat fee, a minimum. */
    public static final BigDecimal MAX_FLAT_AMOUNT = new BigDecimal("1000000000000");
    /** Most decimal places of a price or fee. */
    public static final int MAX_PRICE_SCALE = 12;
    /** Largest amount of one charge or invoice, in the currency's minor units: the representation's bound. */
    public static final long MAX_AMOUNT_MINOR = Long.MAX_VALUE;
    /** Longest display name (customer, plan, meter, key). */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest free-text description. */
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    /** Most tiers of a tiered price model. */
    public static final int MAX_TIERS = 100;

    private BillingLimits() {
    }
}
