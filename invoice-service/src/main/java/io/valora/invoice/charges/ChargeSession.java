package io.valora.invoice.charges;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * One life of the rated-charge consumer: subscribe, then poll, store, dead-letter and commit until
 * asked to stop or until something unexpected is thrown (the {@link ConsumerSupervisor} then starts
 * a new one).
 *
 * <p>Why it exists: this loop holds the delivery guarantee. Offsets are committed only after the
 * charges are stored and refused records are on the dead-letter topic; a failed store rewinds the
 * batch (only partitions still assigned); a commit that times out (broker away) stays pending and
 * is retried, the records being stored already; a partition at a record of an unknown schema is
 * paused there, never committed past, and tried again every {@code skewRetry}.
 */
final class ChargeSession implements ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ChargeSession.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<byte[], byte[]> kafka;
    private final SessionSettings settings;
    private final ChargeSink sink;
    private final ConsumerStatus status;
    private final CountDownLatch stopping;
    private final ChargeDecoder decoder = new ChargeDecoder();
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final Map<TopicPartition, Long> blockedSince = new HashMap<>();

    ChargeSession(Consumer<byte[], byte[]> kafka, SessionSettings settings, ChargeSink sink, ConsumerStatus status,
                  CountDownLatch stopping) {
        this.kafka = kafka;
        this.settings = settings;
        this.sink = sink;
        this.status = status;
        this.stopping = stopping;
    }

    /** Runs until stopped; any exception it throws ends this session only. */
    void run() {
        kafka.subscribe(List.of(settings.topic()), this);
        status.started();
        while (stopping.getCount() > 0) {
            commitPending();
            retryBlocked();
            ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
            if (!records.isEmpty()) {
                handle(ChargeBatch.of(records, decoder));
            }
        }
        commitPending();
    }

    private void handle(ChargeBatch batch) {
        try {
            sink.deadLetter(batch.deadLetters());
            int changed = batch.charges().isEmpty() ? 0 : sink.store(batch.charges());
            LOG.debugf("Stored %d rated charges (%d changed)", batch.charges().size(), changed);
        } catch (RuntimeException e) {
            LOG.errorf("Could not store %d rated charges or dead-letter %d records, retrying in %s: %s",
                    batch.charges().size(), batch.deadLetters().size(), settings.retryPause(), e.getMessage());
            status.lastError(e.getMessage());
            Set<TopicPartition> assigned = kafka.assignment();
            batch.rewind().forEach((partition, offset) -> {
                if (assigned.contains(partition)) {
                    kafka.seek(partition, offset);
                }
            });
            await(settings.retryPause());
            return;
        }
        if (!batch.deadLetters().isEmpty()) {
            status.deadLettered(batch.deadLetters().size());
            batch.deadLetters().forEach(d -> LOG.errorf("Dead-lettered the rated charge at %s-%d offset %d: %s",
                    d.record().topic(), d.record().partition(), d.record().offset(), d.cause().getMessage()));
        }
        Set<TopicPartition> assigned = kafka.assignment();
        batch.commit().forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                pending.put(partition, offset);
            }
        });
        batch.blocked().forEach((partition, blocked) -> {
            if (assigned.contains(partition)) {
                kafka.seek(partition, blocked.offset());
                kafka.pause(List.of(partition));
                if (blockedSince.put(partition, System.nanoTime()) == null) {
                    LOG.errorf("Paused %s: %s", partition, blocked.reason());
                }
                status.blocked(partition, blocked.reason());
            }
        });
        batch.commit().keySet().stream().filter(p -> !batch.blocked().containsKey(p)).forEach(this::unblock);
        commitPending();
    }

    private void retryBlocked() {
        long now = System.nanoTime();
        for (Map.Entry<TopicPartition, Long> blocked : blockedSince.entrySet()) {
            if (now - blocked.getValue() >= settings.skewRetry().toNanos() && kafka.paused().contains(blocked.getKey())) {
                // Read the record again: if it still cannot be decoded, handle() pauses the partition at it again.
                blocked.setValue(now);
                kafka.resume(List.of(blocked.getKey()));
            }
        }
    }

    private void unblock(TopicPartition partition) {
        if (blockedSince.remove(partition) != null) {
            LOG.infof("Partition %s reads again", partition);
        }
        status.unblocked(partition);
    }

    private void commitPending() {
        if (pending.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
        try {
            kafka.commitSync(offsets, settings.commitTimeout());
            offsets.forEach(pending::remove);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The group moved on: whoever owns the partitions now reads the records again, and storing them again changes nothing.
            LOG.warnf("Offsets not committed after a rebalance; the records will be redelivered: %s", e.getMessage());
            offsets.keySet().forEach(pending::remove);
        } catch (RetriableException e) {
            // The broker is away (a commit times out after commitTimeout): the records are stored; commit later.
            LOG.warnf("Could not commit offsets (%s); retrying, the stored records are safe: %s", e.getClass().getSimpleName(),
                    e.getMessage());
            status.commitFailed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void await(Duration pause) {
        try {
            stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
        partitions.forEach(p -> {
            OffsetAndMetadata offset = pending.remove(p);
            if (offset != null) {
                mine.put(p, offset);
            }
        });
        if (!mine.isEmpty()) {
            try {
                kafka.commitSync(mine, settings.commitTimeout());
            } catch (RuntimeException e) {
                LOG.warnf("Could not commit revoked partitions' offsets; their records will be redelivered: %s", e.getMessage());
            }
        }
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Nothing to set up: positions come from the committed offsets, and a blocked record blocks again when read.
    }

    private void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            blockedSince.remove(p);
            status.unblocked(p);
        });
    }
}
