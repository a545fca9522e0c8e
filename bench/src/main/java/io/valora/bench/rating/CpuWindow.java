package io.valora.bench.rating;

import io.valora.bench.ProcessCpu;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * CPU time that a set of processes (the topology's, the broker, this tool with its output reader)
 * used while a topology worked through the input, per event it accounted for in that time. The
 * events/s of a run swing with whatever else runs on the cores; CPU per event hardly does, so code
 * changes are compared by it and the two topologies are compared by it as well
 * ({@code rating.cpu_ratio}).
 */
final class CpuWindow {

    private final List<Long> pids = new ArrayList<>();
    private double startSeconds = Double.NaN;
    private double stopSeconds = Double.NaN;
    private double startJitSeconds = Double.NaN;
    private double stopJitSeconds = Double.NaN;
    private long eventsBefore;

    CpuWindow(long... pids) {
        for (long pid : pids) {
            this.pids.add(pid);
        }
    }

    /** Adds a process started after this window was made (before {@link #start}). */
    void add(long pid) {
        pids.add(pid);
    }

    /** Opens the window; {@code eventsSoFar} is what the output already accounted for, left out of the count. */
    void start(long eventsSoFar) {
        eventsBefore = eventsSoFar;
        startSeconds = total(ProcessCpu::seconds);
        startJitSeconds = total(ProcessCpu::jitSeconds);
    }

    void stop() {
        stopSeconds = total(ProcessCpu::seconds);
        stopJitSeconds = total(ProcessCpu::jitSeconds);
    }

    /** Microseconds of CPU per event between start and stop, when the output reached {@code eventsAtStop}. */
    double microsPerEvent(long eventsAtStop) {
        return perEvent(stopSeconds - startSeconds, eventsAtStop);
    }

    /** The part of {@link #microsPerEvent} that the JIT compilers of these processes used: the cost of a cold JVM. */
    double jitMicrosPerEvent(long eventsAtStop) {
        return perEvent(stopJitSeconds - startJitSeconds, eventsAtStop);
    }

    private double perEvent(double seconds, long eventsAtStop) {
        long events = eventsAtStop - eventsBefore;
        return events <= 0 ? Double.NaN : seconds * 1e6 / events;
    }

    private double total(ToDoubleFunction<Long> cpuOfProcess) {
        double sum = 0;
        for (long pid : pids) {
            sum += cpuOfProcess.applyAsDouble(pid);
        }
        return sum;
    }
}
