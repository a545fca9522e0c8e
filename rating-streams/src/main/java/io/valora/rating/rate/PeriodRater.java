package io.valora.rating.rate;

import io.valora.billing.money.Money;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.PriceModel;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Prices a period-to-date quantity into a {@link RatedCharge}, and the increment of late usage into
 * an adjustment charge.
 *
 * <p>Pricing the total (not adding per-event prices) is what keeps the running charge equal to
 * the invoice: rounding happens once, on the whole period, with the plan's mode.
 *
 * <p>An amount beyond what a charge can carry throws {@link AmountOverflowException} (never a wrapped
 * or truncated number), before the caller writes anything.
 */
final class PeriodRater {

    private PeriodRater() {
    }

    /** The state before the first event of a key. */
    static RatedCharge empty() {
        return RatedCharge.newBuilder()
                .setTenant("").setSubscription("").setCustomer("").setMeter("")
                .setPeriodStart(Instant.EPOCH).setPeriodEnd(Instant.EPOCH)
                .setQuantity("0").setUnitPrice("").setAmountMinor(0).setCurrency("")
                .setEventCount(0).setSequence(0).setFinal$(false)
                .build();
    }

    /**
     * The period's charge once its aggregate quantity is {@code quantity}: one more event, one more sequence.
     *
     * @throws AmountOverflowException when the amount would not fit a charge
     */
    static RatedCharge charge(MeteredUsage usage, BillingPeriod period, BigDecimal quantity, RatedCharge current) {
        PriceModel model = usage.pricing().model();
        Money amount = usage.pricing().policy().rate(model, quantity);
        return openCharge(usage, period, model, quantity.toPlainString(), MinorUnits.of(amount), current.getEventCount() + 1,
                current.getSequence() + 1, null);
    }

    /**
     * Adds one late event (its period is already final) to the adjustment charge billed on the open
     * period. The amount grows by {@code rate(after) - billed}, billing-core's
     * {@code RatingPolicy.adjustmentLine} arithmetic, where {@code billed} is what the late period
     * has been charged so far. Summed over all adjustments the differences telescope, so period
     * amount plus adjustments is exactly {@code rate(all usage of the period)}.
     *
     * @param usage the late usage
     * @param open the subscription's open period that carries the adjustment
     * @param latePeriodStart the start of the final period the usage belongs to
     * @param billedQuantity the late period's quantity before this event
     * @param billedMinor what the late period has been charged so far (its final charge and earlier adjustments)
     * @param newQuantity the late period's quantity with this event
     * @param current the adjustment charge so far ({@link #empty()} for the first)
     */
    static RatedCharge adjust(MeteredUsage usage, BillingPeriod open, Instant latePeriodStart, BigDecimal billedQuantity,
            long billedMinor, BigDecimal newQuantity, RatedCharge current) {
        PriceModel model = usage.pricing().model();
        long after = MinorUnits.of(usage.pricing().policy().rate(model, newQuantity));
        return openCharge(usage, open, model,
                new BigDecimal(current.getQuantity()).add(newQuantity.subtract(billedQuantity)).toPlainString(),
                MinorUnits.plusMinus(current.getAmountMinor(), after, billedMinor), current.getEventCount() + 1,
                current.getSequence() + 1, latePeriodStart);
    }

    /** The same charge, closed for usage: one more sequence so consumers take it. */
    static RatedCharge finalized(RatedCharge charge) {
        return RatedCharge.newBuilder(charge).setSequence(charge.getSequence() + 1).setFinal$(true).build();
    }

    /**
     * An open (not final) charge of the usage's subscription, meter and group in {@code period}. Built with
     * the all-fields constructor in schema order rather than the builder, which validates and copies each
     * field: this runs once per event. {@code PeriodRaterTest} checks each field lands where it belongs.
     */
    private static RatedCharge openCharge(MeteredUsage usage, BillingPeriod period, PriceModel model, String quantity,
            long amountMinor, long eventCount, long sequence, Instant adjustmentOf) {
        Pricing pricing = usage.pricing();
        String unitPrice = model instanceof PerUnit perUnit ? perUnit.unitPrice().amount().toPlainString() : "";
        return new RatedCharge(usage.tenant(), usage.subscription(), usage.customer(), usage.meter(), period.start(),
                period.end(), quantity, unitPrice, amountMinor, pricing.currency(), eventCount, sequence, false,
                usage.group(), pricing.plan(), pricing.planVersion(), adjustmentOf);
    }
}
