package io.valora.rating.topology;

import io.valora.billing.aggregation.Measurement;
import io.valora.billing.aggregation.Sum;
import io.valora.billing.money.Money;
import io.valora.billing.period.BillingPeriod;
import io.valora.billing.pricing.PerUnit;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.UsageEvent;
import java.math.BigDecimal;

/**
 * Adds one de-duplicated event to its period's charge and re-prices the period-to-date total.
 *
 * <p>Pricing the total (not adding per-event prices) is what keeps the running charge equal to
 * the invoice: rounding happens once, on the whole period, with the plan's mode.
 */
final class PeriodRater {

    private final RatingSettings settings;
    private final QuantityReader quantities;

    PeriodRater(RatingSettings settings) {
        this.settings = settings;
        this.quantities = new QuantityReader(settings.quantityField());
    }

    /** The state before the first event of a key. */
    static RatedCharge empty() {
        return RatedCharge.newBuilder()
                .setTenant("").setSubscription("").setCustomer("").setMeter("")
                .setPeriodStart(java.time.Instant.EPOCH).setPeriodEnd(java.time.Instant.EPOCH)
                .setQuantity("0").setUnitPrice("0").setAmountMinor(0).setCurrency("")
                .setEventCount(0).setSequence(0).setFinal$(false)
                .build();
    }

    /** The aggregation key: one charge per tenant, subscription, meter and period. */
    String keyOf(UsageEvent event) {
        BillingPeriod period = settings.calendar().periodContaining(event.getTime());
        return io.valora.schemas.RecordKeys.ratedCharge(event.getTenant(), subscriptionOf(event), event.getType(), period.start());
    }

    RatedCharge add(UsageEvent event, RatedCharge current) {
        BigDecimal value = quantities.read(event.getData()).quantity();
        Sum total = new Sum(new BigDecimal(current.getQuantity()))
                .add(Measurement.of(event.getId(), event.getTime(), value));
        Money amount = settings.policy().rate(settings.priceModel(), total.quantity());
        BillingPeriod period = settings.calendar().periodContaining(event.getTime());
        return RatedCharge.newBuilder()
                .setTenant(event.getTenant())
                .setSubscription(subscriptionOf(event))
                .setCustomer(event.getSubject())
                .setMeter(event.getType())
                .setPeriodStart(period.start())
                .setPeriodEnd(period.end())
                .setQuantity(total.quantity().toPlainString())
                .setUnitPrice(unitPrice())
                .setAmountMinor(amount.toMinorUnits())
                .setCurrency(amount.currency().getCurrencyCode())
                .setEventCount(current.getEventCount() + 1)
                .setSequence(current.getSequence() + 1)
                .setFinal$(false)
                .build();
    }

    /**
     * Adds one late event (its period is already final) to the adjustment charge it lands on.
     *
     * <p>The amount grows by {@code rate(billed + q) - rate(billed)}, billing-core's
     * {@code RatingPolicy.adjustmentLine} arithmetic, where {@code billed} is the final period
     * quantity plus every late quantity already adjusted. Summed over all adjustments the
     * differences telescope, so period amount plus adjustments is exactly {@code rate(total)}.
     *
     * @param event the late event
     * @param current the adjustment charge so far ({@link #empty()} for the first)
     * @param billedQuantity quantity of the late event's period already billed (final + earlier adjustments)
     * @param open the subscription's open period that carries the adjustment
     */
    RatedCharge adjust(UsageEvent event, RatedCharge current, BigDecimal billedQuantity, BillingPeriod open) {
        BigDecimal value = quantities.read(event.getData()).quantity();
        Money before = settings.policy().rate(settings.priceModel(), billedQuantity);
        Money after = settings.policy().rate(settings.priceModel(), billedQuantity.add(value));
        BillingPeriod late = settings.calendar().periodContaining(event.getTime());
        return RatedCharge.newBuilder()
                .setTenant(event.getTenant())
                .setSubscription(subscriptionOf(event))
                .setCustomer(event.getSubject())
                .setMeter(AdjustmentKeys.meter(event.getType(), late.start()))
                .setPeriodStart(open.start())
                .setPeriodEnd(open.end())
                .setQuantity(new BigDecimal(current.getQuantity()).add(value).toPlainString())
                .setUnitPrice(unitPrice())
                .setAmountMinor(current.getAmountMinor() + after.minus(before).toMinorUnits())
                .setCurrency(after.currency().getCurrencyCode())
                .setEventCount(current.getEventCount() + 1)
                .setSequence(current.getSequence() + 1)
                .setFinal$(false)
                .build();
    }

    /** The key of the adjustment charge for a late event carried by the open period. */
    String adjustmentKeyOf(UsageEvent event, BillingPeriod open) {
        BillingPeriod late = settings.calendar().periodContaining(event.getTime());
        return io.valora.schemas.RecordKeys.ratedCharge(event.getTenant(), subscriptionOf(event),
                AdjustmentKeys.meter(event.getType(), late.start()), open.start());
    }

    /** The same charge, closed for usage: one more sequence so consumers take it. */
    static RatedCharge finalized(RatedCharge charge) {
        return RatedCharge.newBuilder(charge).setSequence(charge.getSequence() + 1).setFinal$(true).build();
    }

    private String unitPrice() {
        return settings.priceModel() instanceof PerUnit perUnit ? perUnit.unitPrice().amount().toPlainString() : "";
    }

    /** Until subscriptions arrive from the catalog, a customer has one implicit subscription named after it. */
    private static String subscriptionOf(UsageEvent event) {
        return event.getSubject();
    }
}
