package io.valora.bench;

import io.valora.billing.aggregation.Max;
import io.valora.billing.aggregation.Measurement;
import io.valora.billing.aggregation.Sum;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One aggregation merge and one event added to a running aggregate.
 *
 * <p>Why it exists: the rating stream adds every event to the period's aggregate and merges
 * partial aggregates; both must stay far below a microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@org.openjdk.jmh.annotations.Measurement(iterations = 3, time = 1)
@Fork(1)
public class AggregationBenchmark {

    private Sum[] sums;
    private Max[] maxima;
    private Measurement[] events;
    private int next;

    /** Partial aggregates and events with mixed scales. */
    @Setup
    public void setUp() {
        String[] values = {"1", "2.5", "1000000.125", "0.000001", "42", "17.75", "123456789", "3.14159"};
        sums = new Sum[values.length];
        maxima = new Max[values.length];
        events = new Measurement[values.length];
        Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
        for (int i = 0; i < values.length; i++) {
            BigDecimal value = new BigDecimal(values[i]);
            sums[i] = new Sum(value.multiply(BigDecimal.valueOf(1_000 + i)));
            maxima[i] = new Max(Optional.of(value));
            events[i] = Measurement.of("evt-" + i, t0.plusSeconds(i), value);
        }
    }

    private int nextIndex() {
        next = next + 1 == sums.length ? 0 : next + 1;
        return next;
    }

    /** Merging two partial SUM aggregates. */
    @Benchmark
    public Sum sumMerge() {
        int i = nextIndex();
        return sums[i].merge(sums[(i + 3) % sums.length]);
    }

    /** Merging two partial MAX aggregates. */
    @Benchmark
    public Max maxMerge() {
        int i = nextIndex();
        return maxima[i].merge(maxima[(i + 5) % maxima.length]);
    }

    /** Adding one event to a running SUM. */
    @Benchmark
    public Sum sumAddEvent() {
        int i = nextIndex();
        return sums[i].add(events[(i + 1) % events.length]);
    }
}
