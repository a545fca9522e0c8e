package io.valora.rating.query;

import io.valora.schemas.RatedCharge;
import java.time.Instant;

/**
 * One running charge as {@code GET /v1/charges} shows it. Money as minor units plus currency,
 * quantities as exact decimal strings, exactly as on the {@code rated-charges} topic.
 */
public record ChargeView(String subscription, String meter, String group, String plan, Integer planVersion,
        Instant periodStart, Instant periodEnd, Instant adjustmentOf,
        String quantity, long amountMinor, String currency, long eventCount, long sequence, boolean isFinal) {

    static ChargeView of(RatedCharge charge) {
        return new ChargeView(charge.getSubscription(), charge.getMeter(), charge.getGroup(), charge.getPlan(),
                charge.getPlanVersion(), charge.getPeriodStart(), charge.getPeriodEnd(), charge.getAdjustmentOf(),
                charge.getQuantity(), charge.getAmountMinor(), charge.getCurrency(),
                charge.getEventCount(), charge.getSequence(), charge.getFinal$());
    }
}
