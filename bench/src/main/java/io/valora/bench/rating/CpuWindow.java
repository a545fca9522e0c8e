package io.valora.bench.rating;

import io.valora.bench.ProcessCpu;
import java.util.ArrayList;
import java.util.List;

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
        startSeconds = total();
    }

    void stop() {
        stopSeconds = total();
    }

    /** Microseconds of CPU per event between start and stop, when the output reached {@code eventsAtStop}. */
    double microsPerEvent(long eventsAtStop) {
        long events = eventsAtStop - eventsBefore;
        return events <= 0 ? Double.NaN : (stopSeconds - startSeconds) * 1e6 / events;
    }

    private double total() {
        double sum = 0;
        for (long pid : pids) {
            sum += ProcessCpu.seconds(pid);
        }
        return sum;
    }
}
