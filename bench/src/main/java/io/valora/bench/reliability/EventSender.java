package io.valora.bench.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends events through the gateway as a careful client would during faults: batches per tenant, and a batch the
 * gateway does not acknowledge with 202 (503 while the broker is down, no connection while the gateway restarts,
 * 401 while a new key has not reached it) is sent again, same ids, after a short back-off, until a deadline. Every
 * id acknowledged with 202 is recorded: the check that none of them is missing starts from that set.
 */
public final class EventSender {

    private static final Duration RETRY_FOR = Duration.ofMinutes(3);

    private final HarnessClient client;
    private final Map<String, String> keys;
    private final int batchSize;
    private final int senders;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger retries = new AtomicInteger();

    public EventSender(HarnessClient client, Map<String, String> keysByTenant, int batchSize, int senders) {
        this.client = client;
        this.keys = Map.copyOf(keysByTenant);
        this.batchSize = batchSize;
        this.senders = senders;
    }

    /** Sends every event (in this order, {@code senders} batches at a time) and returns once all are acknowledged. */
    public void send(List<HarnessEvent> events) {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> batches = new ArrayList<>();
            Map<String, List<HarnessEvent>> open = new java.util.LinkedHashMap<>();
            for (HarnessEvent event : events) {
                List<HarnessEvent> batch = open.computeIfAbsent(event.tenant(), t -> new ArrayList<>());
                batch.add(event);
                if (batch.size() == batchSize) {
                    List<HarnessEvent> full = List.copyOf(batch);
                    batches.add(pool.submit(() -> sendBatch(full)));
                    open.remove(event.tenant());
                }
            }
            for (List<HarnessEvent> rest : open.values()) {
                List<HarnessEvent> last = List.copyOf(rest);
                batches.add(pool.submit(() -> sendBatch(last)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void sendBatch(List<HarnessEvent> batch) {
        String key = keys.get(batch.get(0).tenant());
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        long pauseMillis = 100;
        while (true) {
            int status = client.sendEvents(key, batch);
            if (status == 202) {
                batch.forEach(e -> acknowledged.add(e.tenant() + "/" + e.id()));
                sent.addAndGet(batch.size());
                return;
            }
            boolean transient_ = status == -1 || status == 503 || status == 401 || status == 429;
            if (!transient_ || System.nanoTime() > deadline) {
                throw new IllegalStateException("gateway answered " + status + " for the batch starting with "
                        + batch.get(0).id() + (transient_ ? " for " + RETRY_FOR.toSeconds() + " s" : ""));
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(pauseMillis);   // back-off between retries of a refused batch, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pauseMillis = Math.min(2_000, pauseMillis * 2);
        }
    }

    /** {@code tenant/id} of every event the gateway acknowledged with 202. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Events acknowledged so far (duplicates included). */
    public long sent() {
        return sent.get();
    }

    /** Batches that had to be sent again. */
    public int retries() {
        return retries.get();
    }
}
