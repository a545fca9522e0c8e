package io.valora.invoice.charges;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * What the rated-charge consumer is doing, as readiness and metrics see it: whether it runs,
 * why not, which partitions wait for a newer version, and running counts.
 *
 * <p>Why it exists: a consumer that stopped or stalls must say so (readiness DOWN with its reason)
 * instead of failing silently; the consumer thread writes here, the health check reads.
 */
@ApplicationScoped
public class ConsumerStatus {

    private volatile boolean running;
    private volatile String notRunningReason = "not started yet";
    private volatile String lastError;
    private final Map<TopicPartition, String> blocked = new ConcurrentHashMap<>();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong commitFailures = new AtomicLong();

    /** The consumer (re)started a session. */
    public void started() {
        running = true;
        notRunningReason = null;
    }

    /** The consumer is not running; {@code reason} says why and what happens next. */
    public void stopped(String reason) {
        running = false;
        notRunningReason = reason;
        blocked.clear();
    }

    /** A new session is about to start after a failure. */
    public void restarting() {
        restarts.incrementAndGet();
    }

    /** A partition waits at a record of a schema this version does not know. */
    public void blocked(TopicPartition partition, String reason) {
        blocked.put(partition, reason);
    }

    /** The partition moved on, or belongs to another instance now. */
    public void unblocked(TopicPartition partition) {
        blocked.remove(partition);
    }

    /** Records were published to the dead-letter topic. */
    public void deadLettered(int count) {
        deadLettered.addAndGet(count);
    }

    /** An offset commit failed and will be retried (the records are stored; nothing is lost). */
    public void commitFailed(String error) {
        commitFailures.incrementAndGet();
        lastError = error;
    }

    /** The last failure worth showing (storing, committing, dead-lettering), or null. */
    public void lastError(String error) {
        lastError = error;
    }

    /** True while a session runs and no partition waits for a newer version. */
    public boolean healthy() {
        return running && blocked.isEmpty();
    }

    public boolean running() {
        return running;
    }

    /** Why it is not running, or null. */
    public String notRunningReason() {
        return notRunningReason;
    }

    /** Blocked partitions and why, by name. */
    public Map<String, String> blockedPartitions() {
        Map<String, String> copy = new TreeMap<>();
        blocked.forEach((p, reason) -> copy.put(p.toString(), reason));
        return copy;
    }

    public String lastError() {
        return lastError;
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public long restartCount() {
        return restarts.get();
    }

    public long commitFailureCount() {
        return commitFailures.get();
    }
}
