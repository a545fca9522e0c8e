package io.valora.deploy.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;

/**
 * Sends a workload through the gateway in CloudEvents batches of {@link #BATCH} events with a few
 * concurrent clients and a progress line, and insists on a 202 for every batch: anything else stops
 * the run with the status seen. Batches keep a few thousand events within seconds on two cores.
 */
public final class WorkloadSender {

    /** Events per request. */
    static final int BATCH = 50;

    private WorkloadSender() {
    }

    /** Sends every event; returns how many the gateway accepted (all of them, or it throws). */
    public static int send(ValoraClient client, List<UsageSample> events, int concurrency, PrintStream progress) {
        AtomicInteger accepted = new AtomicInteger();
        int step = Math.max(1, events.size() / 10);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> sends = new ArrayList<>(events.size() / BATCH + 1);
            for (int from = 0; from < events.size(); from += BATCH) {
                List<UsageSample> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                sends.add(pool.submit(() -> {
                    int status = client.sendEvents(batch);
                    if (status != 202) {
                        throw new IllegalStateException("gateway answered " + status + " for the batch starting with event "
                                + batch.get(0).id());
                    }
                    synchronized (accepted) {   // progress lines in ascending order
                        int before = accepted.getAndAdd(batch.size());
                        int done = before + batch.size();
                        if (done / step != before / step || done == events.size()) {
                            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                            progress.printf("  sent %d/%d events (%.0f events/s)%n", done, events.size(), done / seconds);
                        }
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
