package io.valora.invoice.support;

import io.valora.schemas.ApiKey;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * The compacted {@code api-keys} topic from the gateway's side: read everything from the start
 * and keep the latest record per key, as a consumer building its key table would.
 */
public final class ApiKeyTopic {

    public static final String TOPIC = "api-keys";

    private ApiKeyTopic() {
    }

    /** Waits (up to 10 s, the revocation promise) until the latest record of {@code keyHash} satisfies {@code expected}. */
    public static ApiKey awaitLatest(String bootstrapServers, String keyHash, Predicate<ApiKey> expected) {
        return Awaitility.await("api-keys record of " + keyHash).atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> latest(bootstrapServers, TOPIC).get(keyHash), r -> r != null && expected.test(r));
    }

    /** Every key's latest record on {@code topic}, read from the beginning. */
    public static Map<String, ApiKey> latest(String bootstrapServers, String topic) {
        var deserializer = RecordSerde.singleObject(ApiKey.class).deserializer();
        Map<String, ApiKey> latest = new HashMap<>();
        for (var entry : Records.all(bootstrapServers, topic).entrySet()) {
            entry.getValue().forEach(bytes -> latest.put(entry.getKey(), bytes.map(b -> deserializer.deserialize(topic, b)).orElse(null)));
        }
        return latest;
    }

    /** Raw records of a topic, grouped by key in offset order ({@code empty} = tombstone). */
    public static final class Records {

        private Records() {
        }

        /** Reads the whole topic once. */
        public static Map<String, List<Optional<byte[]>>> all(String bootstrapServers, String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            Map<String, List<Optional<byte[]>>> byKey = new HashMap<>();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r ->
                            byKey.computeIfAbsent(r.key(), k -> new java.util.ArrayList<>()).add(Optional.ofNullable(r.value())));
                }
            }
            return byKey;
        }
    }
}
