package io.valora.rating.query;

import java.time.Duration;

/** Width of the buckets {@code GET /v1/usage} answers with; days are UTC days until customers carry a zone. */
public enum Granularity {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final long millis;

    Granularity(Duration width) {
        this.millis = width.toMillis();
    }

    /** Start of the bucket that holds {@code epochMillis}. */
    long bucketOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, millis);
    }
}
