package io.valora.deploy.probes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning with the record headers, committed records only, until records matching a
 * condition have arrived: the blast-radius probe looks for its own rejections on {@code usage-events.rejected}
 * and its own dead letters, whose reasons travel in headers, and they arrive asynchronously.
 */
final class TopicRecords {

    /** One record: key and value as raw bytes, headers as UTF-8 text (the last value of each name). */
    record Entry(byte[] key, byte[] value, Map<String, String> headers) {

        String keyText() {
            return key == null ? "" : new String(key, StandardCharsets.UTF_8);
        }

        String valueText() {
            return value == null ? "" : new String(value, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        @Override
        public String toString() {
            return "key=" + keyText() + " headers=" + headers;
        }
    }

    private TopicRecords() {
    }

    /**
     * Reads {@code topic} from its start until {@code wanted} records satisfy {@code match}; returns those records.
     *
     * @throws IllegalStateException when fewer arrived within {@code deadline}, naming what was found
     */
    static List<Entry> await(String bootstrapServers, String topic, Predicate<Entry> match, int wanted,
            Duration deadline) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Entry> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant until = Instant.now().plus(deadline);
            while (found.size() < wanted) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("only " + found.size() + " of " + wanted + " expected records on "
                            + topic + " within " + deadline + ": " + found);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    Entry entry = new Entry(r.key(), r.value(), headers);
                    if (match.test(entry)) {
                        found.add(entry);
                    }
                }
            }
        }
        return found;
    }
}
