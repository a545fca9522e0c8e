package io.valora.rating.topology;

import java.time.Instant;

/**
 * Keys of {@code rated-charges} (the contract with invoice-service):
 * {@code tenant/subscription/meter/<group or ->/plan@version/periodStartMillis} for a period's
 * charge, with {@code /adjustment-of/<latePeriodStartMillis>} appended for an adjustment billed on
 * that period. One key per charge, so compaction keeps the latest; consumers treat it as an opaque
 * id and read identities from the value.
 */
public final class ChargeKeys {

    /** Stands for "no group" in the key. */
    public static final String NO_GROUP = "-";
    /** Separates a period charge's key from the late period an adjustment corrects. */
    public static final String ADJUSTMENT_OF = "/adjustment-of/";

    private ChargeKeys() {
    }

    /** The key of the usage's charge in the period starting at {@code periodStart}. */
    public static String period(MeteredUsage usage, Instant periodStart) {
        return usage.tenant() + "/" + usage.subscription() + "/" + usage.meter() + "/"
                + (usage.group() == null ? NO_GROUP : usage.group()) + "/" + usage.pricing().label() + "/"
                + periodStart.toEpochMilli();
    }

    /** The key of the adjustment billed on {@code openPeriodStart} for late usage of {@code latePeriodStart}. */
    public static String adjustment(MeteredUsage usage, Instant openPeriodStart, Instant latePeriodStart) {
        return period(usage, openPeriodStart) + ADJUSTMENT_OF + latePeriodStart.toEpochMilli();
    }
}
