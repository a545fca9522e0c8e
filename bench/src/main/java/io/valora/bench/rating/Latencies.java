package io.valora.bench.rating;

import java.util.Arrays;

/**
 * Produce-to-charge latencies of the paced phase, kept exactly (one long per event, a few hundred
 * thousand at most), so p50/p99 are true order statistics rather than histogram estimates.
 * Written by one thread only (the charge consumer).
 */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int count;

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    int count() {
        return count;
    }

    /** The {@code q}-quantile (0..1) in milliseconds; NaN when nothing was recorded. */
    double percentileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
        return sorted[index] / 1e6;
    }
}
