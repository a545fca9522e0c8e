package io.valora.bench.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Barrier before the harness closes periods: invoice-service bills only the charges it has consumed, so closing
 * while its consumer group still waits for a SIGKILLed member's session to expire closes invoices without the last
 * charges. Waits until the group's committed offset on every partition of a topic is past the partition's last
 * committed record: the group commits {@code offset + 1} of the last record it processed, so on a transactional
 * topic its committed offset stays one short of the end offset (the commit marker) and equality with the end
 * offsets alone would never hold.
 */
final class ConsumerCaughtUp {

    private static final Duration POLL = Duration.ofMillis(500);

    private ConsumerCaughtUp() {
    }

    /**
     * Polls until {@code group} has committed the end offset of every partition of {@code topic}.
     *
     * @return how many partitions still lagged when the deadline passed (0 = caught up)
     */
    static int await(Map<String, Object> clientProperties, String group, String topic, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        try (Admin admin = Admin.create(props)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            int lagging = Integer.MAX_VALUE;
            while (true) {
                try {
                    lagging = lagging(admin, clientProperties, group, topic);
                } catch (ExecutionException | TimeoutException e) {
                    // the broker may still be electing leaders after its restart: ask again on the next round
                }
                if (lagging == 0 || System.nanoTime() > deadline) {
                    return lagging;
                }
                Thread.sleep(POLL.toMillis());   // a poll interval, not synchronisation: the loop re-checks the offsets
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + group, e);
        }
    }

    private static int lagging(Admin admin, Map<String, Object> clientProperties, String group, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(
                p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> endOffsets = new HashMap<>();
        // the last stable offset: a read_committed consumer reads up to it, not into an open transaction
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS)
                .forEach((tp, info) -> endOffsets.put(tp, info.offset()));
        Map<TopicPartition, Long> ends = afterLastRecord(clientProperties, endOffsets);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        int behind = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            long position = at == null ? 0L : at.offset();
            if (position < end.getValue()) {
                behind++;
            }
        }
        return behind;
    }

    /** Per partition, the offset after its last record a read_committed consumer sees (0 for none). */
    private static Map<TopicPartition, Long> afterLastRecord(Map<String, Object> clientProperties,
            Map<TopicPartition, Long> ends) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<TopicPartition, Long> after = new HashMap<>();
        ends.keySet().forEach(tp -> after.put(tp, 0L));
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    after.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
                }
            }
        }
        return after;
    }
}
