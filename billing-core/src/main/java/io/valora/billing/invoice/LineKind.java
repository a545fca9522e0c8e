package io.valora.billing.invoice;

/**
 * What an {@link InvoiceLine} charges for.
 *
 * <p>Why it exists: the kinds are treated differently by {@link Invoice#subtotal()} (this
 * period's charges) and {@link Invoice#total()} (plus adjustments), and downstream systems
 * (revenue recognition) book them to different accounts.
 */
public enum LineKind {
    /** A subscription fee for the period, possibly prorated. */
    FLAT_FEE,
    /** A usage charge for the period: the price of the period-to-date quantity. */
    USAGE,
    /** A correction for an earlier, already invoiced period (late usage); never dropped. */
    ADJUSTMENT,
    /** Brings the period's charges up to the plan's minimum spend. */
    MINIMUM_TOP_UP
}
