package io.valora.bench.reliability;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the soak holds its rate: first a warm-up, then the measured window whose RSS slopes decide
 * {@code soak-memory}.
 *
 * <p>Why a warm-up: a process's resident memory rises while it fills what it is allowed to hold (JIT code, a
 * bounded RocksDB cache and memtables, the allocator's arenas), and the rating instance the fault schedule
 * SIGKILLed and restarted is only a few minutes old when the soak starts, so a slope taken from the soak's start
 * measures that filling, not a leak. The warm-up runs at the soak's rate and its memory is reported, not judged;
 * the slope is then taken over every sample of the measured window after it, which stays as long as asked (10
 * minutes for issue #7).
 *
 * @param warmUp   load at the soak's rate before the measured window; zero for none
 * @param measured the window whose slopes are judged; zero means no soak at all
 */
public record SoakPlan(Duration warmUp, Duration measured) {

    /** No soak (the CI configuration): nothing after the checked phases. */
    public static final SoakPlan NONE = new SoakPlan(Duration.ZERO, Duration.ZERO);
    /**
     * Default warm-up of a soak. In the full scenario at 4,858 events/s (the 09:14 soak in docs/reliability.md) the
     * restarted rating instance's RSS rose by ~95 MB in the 4 minutes after a task came back to it, as its RocksDB
     * cache filled, and about 1 MB/min after that; with the soaking run's one-minute probing interval
     * ({@link RunPlan#ratingProperties}) its tasks are back within minutes of its restart, so ten minutes puts the
     * measured window after both.
     */
    public static final Duration DEFAULT_WARM_UP = Duration.ofMinutes(10);

    public SoakPlan {
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(measured, "measured");
        if (warmUp.isNegative() || measured.isNegative()) {
            throw new IllegalArgumentException("soak durations cannot be negative: " + warmUp + ", " + measured);
        }
        if (measured.isZero() && !warmUp.isZero()) {
            throw new IllegalArgumentException("a soak warm-up needs a measured soak (--soak-minutes)");
        }
    }

    /** Whether there is no soak. */
    public boolean isOff() {
        return measured.isZero();
    }

    /** Warm-up plus measured window. */
    public Duration total() {
        return warmUp.plus(measured);
    }
}
