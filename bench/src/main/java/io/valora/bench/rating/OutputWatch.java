package io.valora.bench.rating;

import io.valora.bench.ClientProperties;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Throughput of a topology over records already in its input, read from its output the way any
 * downstream reader sees it (read_committed: only what exactly-once has committed). Committed
 * input offsets would not do: the rating topology repartitions, so its source offsets reach the
 * end while the second sub-topology still has work. The clock starts at the first output seen
 * (start-up and the first transaction are left out, for both topologies alike) and stops when the
 * output accounts for every input event.
 */
final class OutputWatch implements AutoCloseable {

    /** How many input events the output read so far accounts for, updated one record at a time. */
    interface Progress {
        long accept(ConsumerRecord<String, byte[]> record);
    }

    /**
     * @param processed       events between the first output seen and the end
     * @param measured        time between those two moments
     * @param total           from the start of the watch (before the topology started) until the end
     * @param secondHalf      events between the moment the output passed half the input and the end
     * @param secondHalfTime  time between those two moments: the pace once warm, beside the whole run's
     *                        (for a topology with a backlog between sub-topologies, only the last one's)
     */
    record Result(long processed, Duration measured, Duration total, long secondHalf, Duration secondHalfTime) {

        double perSecond() {
            return processed / (measured.toNanos() / 1e9);
        }

        double secondHalfPerSecond() {
            return secondHalf / (secondHalfTime.toNanos() / 1e9);
        }
    }

    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final KafkaConsumer<String, byte[]> consumer;
    private final long begin = System.nanoTime();
    /** Events the output accounted for so far, for a reader on another thread (CPU windows). */
    private volatile long accountedFor;
    private boolean closed;

    /** Positions a reader at the beginning of {@code topic}; call before the topology starts. */
    OutputWatch(ClientProperties client, String topic) {
        Properties props = client.asProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * Reads until {@code progress} reaches {@code target}.
     *
     * @param stillRunning false once the topology died; the wait then fails at once
     * @throws IllegalStateException on timeout or when the topology is gone
     */
    Result await(long target, Progress progress, Duration timeout, BooleanSupplier stillRunning) {
        return await(target, progress, timeout, stillRunning, () -> "");
    }

    /** As {@link #await(long, Progress, Duration, BooleanSupplier)}, adding {@code detail} to each progress line. */
    Result await(long target, Progress progress, Duration timeout, BooleanSupplier stillRunning,
            Supplier<String> detail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstNanos = -1;
        long firstCount = 0;
        long halfNanos = -1;
        long halfCount = 0;
        long count = 0;
        long nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
        while (System.nanoTime() < deadline) {
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException("the topology stopped when its output accounted for " + count + " of "
                        + target + " events");
            }
            var records = consumer.poll(Duration.ofMillis(100));
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> record : records) {
                count = progress.accept(record);
            }
            accountedFor = count;
            if (now >= nextReport) {
                BenchOutput.log("output accounts for %d of %d events %s", count, target, detail.get());
                nextReport = now + REPORT_EVERY_NANOS;
            }
            if (count > 0 && firstNanos < 0) {
                firstNanos = now;
                firstCount = count;
            }
            if (count >= target / 2 && halfNanos < 0) {
                halfNanos = now;
                halfCount = count;
            }
            if (count >= target) {
                if (count > target) {
                    throw new IllegalStateException("the output accounts for " + count + " events; only " + target
                            + " were produced");
                }
                Duration total = Duration.ofNanos(now - begin);
                if (firstCount == target) {
                    // Everything in the first poll that saw output: no interval to measure but the whole run.
                    return new Result(target, total, total, target, total);
                }
                Duration measured = Duration.ofNanos(now - firstNanos);
                if (halfCount == target) {
                    // The second half arrived in one poll: it has no interval of its own.
                    return new Result(target - firstCount, measured, total, target - firstCount, measured);
                }
                return new Result(target - firstCount, measured, total, target - halfCount,
                        Duration.ofNanos(now - halfNanos));
            }
        }
        throw new IllegalStateException("the output accounted for " + count + " of " + target + " events within "
                + timeout);
    }

    /** How many input events the output read so far accounts for; safe to call while {@link #await} runs. */
    long accountedFor() {
        return accountedFor;
    }

    /** Idempotent: the run closes it when done, and the cleanup closes it again on failure. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            consumer.close();
        }
    }
}
