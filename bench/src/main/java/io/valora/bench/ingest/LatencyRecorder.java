package io.valora.bench.ingest;

import java.util.Arrays;

/**
 * Request latencies of one load phase, kept exactly (one long per request; a few million at most
 * in a bench run), so p50/p99 are true order statistics rather than bucket estimates.
 */
final class LatencyRecorder {

    private long[] nanos = new long[1 << 16];
    private int count;

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The {@code q}-quantile (0..1) in milliseconds; 0 when nothing was recorded. */
    synchronized double percentileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
        return sorted[index] / 1e6;
    }
}
