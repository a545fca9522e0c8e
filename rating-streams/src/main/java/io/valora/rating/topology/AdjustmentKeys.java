package io.valora.rating.topology;

import java.time.Instant;

/**
 * How an adjustment charge is told apart from a period's own charge without a schema change: its
 * {@code meter} is {@code <meter>#adjustment-of-<late period start>}, and it is carried by the
 * subscription's open period, so its key is
 * {@code tenant/subscription/<meter>#adjustment-of-<late period start>/<open period start>}.
 *
 * <p>Invoice consumers that keep the latest record per key therefore bill it as one more line of
 * the open period; one that wants to show it as an adjustment recognises the marker (see ADR 0004).
 */
public final class AdjustmentKeys {

    /** Separates the meter from the period the adjustment corrects. */
    public static final String MARKER = "#adjustment-of-";

    private AdjustmentKeys() {
    }

    /** The meter name of an adjustment of {@code meter} for the period starting at {@code latePeriodStart}. */
    public static String meter(String meter, Instant latePeriodStart) {
        return meter + MARKER + latePeriodStart;
    }

    /** True for the meter name of an adjustment charge. */
    public static boolean isAdjustment(String meter) {
        return meter.contains(MARKER);
    }
}
