package io.valora.deploy.demo;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.SingleObjectCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the {@code rated-charges} topic from its start, committed records only, and keeps the charge with the
 * highest sequence per key — what the topic's contract says a consumer should do. The sample run uses it to see
 * when the catalog has reached rating-streams; the reliability tests use it to compare the final charges with
 * their ground truth. No consumer group: it assigns every partition itself and commits nothing.
 */
public final class RatedChargeWatcher implements AutoCloseable {

    /**
     * Records one {@link #poll} returns at most. Ten times the consumer's default: a long soak leaves millions of
     * charges to read, and a caller that compares after each poll should not do so every 500 records.
     */
    public static final int MAX_POLL_RECORDS = 5000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final SingleObjectCodec<RatedCharge> codec = SingleObjectCodec.of(RatedCharge.class);
    private final Map<String, RatedCharge> latest = new HashMap<>();

    public RatedChargeWatcher(String bootstrapServers, String topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /**
     * With the connection given as client properties (bootstrap servers, and on a secured cluster the security
     * protocol, SASL and truststore settings, e.g. {@code LocalStack.adminClientProperties()}).
     */
    public RatedChargeWatcher(Map<String, Object> clientProperties, String topic) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what arrived within {@code wait}; returns how many records it saw. */
    public int poll(Duration wait) {
        int seen = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            seen++;
            if (record.value() == null) {
                latest.remove(record.key());
                continue;
            }
            RatedCharge charge = codec.decode(record.value());
            latest.merge(record.key(), charge, (old, now) -> now.getSequence() >= old.getSequence() ? now : old);
        }
        return seen;
    }

    /**
     * Reads whatever arrives during {@code time}, and returns only when it has passed: for a caller that would
     * otherwise sleep (pacing a load), so the charges are read as they come instead of all at once afterwards.
     */
    public void readFor(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        for (long left = time.toNanos(); left > 0; left = end - System.nanoTime()) {
            poll(Duration.ofNanos(left));
        }
    }

    /** The latest charge per Kafka key, as read so far. */
    public Map<String, RatedCharge> latest() {
        return Map.copyOf(latest);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
