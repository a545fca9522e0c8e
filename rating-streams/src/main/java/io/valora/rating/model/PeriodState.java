package io.valora.rating.model;

import io.valora.billing.aggregation.Aggregate;
import io.valora.schemas.RatedCharge;

/**
 * What rating keeps per charge key in {@link io.valora.rating.config.ResourceNames#PERIOD_STATE_STORE}: the period's
 * billing-core aggregate and its running {@link RatedCharge}, in one value so that an event costs
 * one read and one write (and one changelog record) instead of one of each per part.
 *
 * <p>A period's key holds both once it has usage; an adjustment key only holds its charge (the
 * late usage's aggregate stays with the late period's key); a late event for a period that never
 * had a charge leaves an aggregate without a charge.
 *
 * @param aggregate the period-to-date aggregate, or {@code null} for an adjustment key
 * @param charge the running charge, or {@code null} before the first one
 */
public record PeriodState(Aggregate<?> aggregate, RatedCharge charge) {

    /** The same state with another aggregate. */
    public PeriodState withAggregate(Aggregate<?> updated) {
        return new PeriodState(updated, charge);
    }

    /** The same state with another charge. */
    public PeriodState withCharge(RatedCharge updated) {
        return new PeriodState(aggregate, updated);
    }
}
