package io.valora.rating.rate;

import io.valora.rating.model.MeteredUsage;
import io.valora.schemas.ChargeKey;
import java.time.Instant;

/**
 * The {@code rated-charges} keys of a usage: {@link ChargeKey} (the contract with invoice-service,
 * also the key of the period-state store) filled from a {@link MeteredUsage}.
 *
 * <p>Why it exists: the processor names a usage and periods; this is the one place that knows which
 * of the usage's fields make up the key.
 */
final class ChargeKeys {

    private ChargeKeys() {
    }

    /** The key of the usage's charge in the period starting at {@code periodStart}. */
    static String period(MeteredUsage usage, Instant periodStart) {
        return key(usage, periodStart, null).text();
    }

    /** The key of the adjustment billed on {@code openPeriodStart} for late usage of {@code latePeriodStart}. */
    static String adjustment(MeteredUsage usage, Instant openPeriodStart, Instant latePeriodStart) {
        return key(usage, openPeriodStart, latePeriodStart).text();
    }

    private static ChargeKey key(MeteredUsage usage, Instant periodStart, Instant adjustmentOf) {
        return new ChargeKey(usage.tenant(), usage.subscription(), usage.meter(), usage.group(), usage.pricing().plan(),
                usage.pricing().planVersion(), periodStart, adjustmentOf);
    }
}
