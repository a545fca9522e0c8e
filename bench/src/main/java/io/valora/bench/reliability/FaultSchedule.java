package io.valora.bench.reliability;

import io.valora.deploy.LocalStack;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Applies every {@link Fault}, one after another, while events are being sent: fault {@code i} of {@code n} once
 * {@code (i + 1) / (n + 1)} of the phase's events are acknowledged, so each fault hits a stream in motion. Runs on
 * its own thread; {@link #awaitDone} joins it (also when the phase finished sending first).
 */
public final class FaultSchedule {

    private final Thread thread;
    private final List<String> applied = new ArrayList<>();
    private volatile RuntimeException failure;

    private FaultSchedule(LocalStack stack, LongSupplier progress, long total, PrintStream out) {
        this.thread = new Thread(() -> run(stack, progress, total, out), "reliability-faults");
    }

    /** Starts the schedule against a sending run of {@code total} events whose progress {@code progress} tells. */
    public static FaultSchedule start(LocalStack stack, LongSupplier progress, long total, PrintStream out) {
        FaultSchedule schedule = new FaultSchedule(stack, progress, total, out);
        schedule.thread.start();
        return schedule;
    }

    private void run(LocalStack stack, LongSupplier progress, long total, PrintStream out) {
        Fault[] faults = Fault.values();
        try {
            for (int i = 0; i < faults.length; i++) {
                long threshold = total * (i + 1) / (faults.length + 1);
                while (progress.getAsLong() < threshold && !Thread.currentThread().isInterrupted()) {
                    Thread.sleep(50);   // polling the sender's progress counter
                }
                long begin = System.nanoTime();
                out.printf("  fault %s at %d/%d events%n", faults[i], progress.getAsLong(), total);
                faults[i].apply(stack);
                synchronized (applied) {
                    applied.add("%s at %d/%d events, %d ms".formatted(faults[i], threshold, total,
                            (System.nanoTime() - begin) / 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Waits for every fault to be applied; rethrows a fault that could not be applied (e.g. a failed restart). */
    public List<String> awaitDone() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw new IllegalStateException("fault schedule failed: " + failure.getMessage(), failure);
        }
        synchronized (applied) {
            return List.copyOf(applied);
        }
    }
}
