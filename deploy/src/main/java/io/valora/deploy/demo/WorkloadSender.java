package io.valora.deploy.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;

/**
 * Sends a workload through the gateway with a few concurrent clients and a progress line, and
 * insists on a 202 for every event: anything else stops the run with the status seen.
 */
public final class WorkloadSender {

    private WorkloadSender() {
    }

    /** Sends every event; returns how many the gateway accepted (all of them, or it throws). */
    public static int send(ValoraClient client, List<UsageSample> events, int concurrency, PrintStream progress) {
        AtomicInteger accepted = new AtomicInteger();
        int step = Math.max(1, events.size() / 10);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> sends = new ArrayList<>(events.size());
            for (UsageSample event : events) {
                sends.add(pool.submit(() -> {
                    int status = client.sendEvent(event);
                    if (status != 202) {
                        throw new IllegalStateException("gateway answered " + status + " for event " + event.id());
                    }
                    int done = accepted.incrementAndGet();
                    if (done % step == 0 || done == events.size()) {
                        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                        progress.printf("  sent %d/%d events (%.0f events/s)%n", done, events.size(), done / seconds);
                    }
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return accepted.get();
    }
}
