package io.valora.rating.config;

import java.time.Duration;

/**
 * The operator's choices the topology needs; everything about meters, prices and periods comes
 * from the catalog topics instead.
 *
 * @param dedupRetention how long an event id is remembered for de-duplication
 * @param grace how long after a period's end (in stream time) its usage is still accepted into
 *     the period; afterwards the period's charges are final and late usage becomes an adjustment
 * @param idleCloseDelay when not {@code null}, a period is also closed once the wall clock passes
 *     {@code periodEnd + grace + idleCloseDelay}, so a partition that receives no newer usage
 *     still finalises its periods; {@code null} closes by stream time only
 * @param emitInterval when not {@code null}, charge updates are coalesced: each changed charge is
 *     emitted once per interval (wall clock) with its latest value; {@code null} emits every update
 */
public record RatingSettings(Duration dedupRetention, Duration grace, Duration idleCloseDelay, Duration emitInterval) {

    /** The grace of a deployment that does not choose one. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    /** The de-duplication retention of a deployment that does not choose one. */
    public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(35);

    /** Settings that close periods by stream time only. */
    public RatingSettings(Duration dedupRetention, Duration grace) {
        this(dedupRetention, grace, null, null);
    }

    public RatingSettings {
        if (dedupRetention == null || dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new IllegalArgumentException("dedupRetention must be positive");
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive");
        }
        if (idleCloseDelay != null && idleCloseDelay.isNegative()) {
            throw new IllegalArgumentException("idleCloseDelay must be zero or positive");
        }
        if (emitInterval != null && (emitInterval.isNegative() || emitInterval.isZero())) {
            throw new IllegalArgumentException("emitInterval must be positive (or absent to emit every update)");
        }
    }

    /** The defaults: 35 days of ids, one hour of grace, closing by stream time only. */
    public static RatingSettings defaults() {
        return new RatingSettings(DEFAULT_DEDUP_RETENTION, DEFAULT_GRACE);
    }
}
