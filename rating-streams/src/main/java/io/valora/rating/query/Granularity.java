package io.valora.rating.query;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Width of the buckets {@code GET /v1/usage} answers with. Hours are UTC hours (as stored); days are
 * the customer's local days, made of whole stored hours (in a zone with a half-hour offset an hour
 * counts in the day it starts in).
 */
public enum Granularity {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final long millis;

    Granularity(Duration width) {
        this.millis = width.toMillis();
    }

    /** Start of the UTC bucket that holds {@code epochMillis}. */
    long bucketOf(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, millis);
    }

    /** Start of the bucket that holds {@code epochMillis}, days counted in {@code zone}. */
    long bucketOf(long epochMillis, ZoneId zone) {
        if (this == HOUR) {
            return bucketOf(epochMillis);
        }
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
