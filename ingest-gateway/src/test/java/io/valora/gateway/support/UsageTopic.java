package io.valora.gateway.support;

import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the real {@code usage-events} topic in tests. To prove that refused events never reached
 * Kafka, tests post a valid marker event with the same subject afterwards (same key, so same
 * partition, so after the refused ones) and check the refused ids are not among the records read
 * up to the marker.
 */
public final class UsageTopic {

    public static final String TOPIC = "usage-events";

    private UsageTopic() {
    }

    private static KafkaConsumer<String, UsageEvent> consumer(String bootstrapServers) {
        KafkaConsumer<String, UsageEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), RecordSerde.singleObject(UsageEvent.class).deserializer());
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    /** Every record from the beginning up to and including the one with {@code eventId}. */
    public static List<ConsumerRecord<String, UsageEvent>> readUntil(String bootstrapServers, String eventId) {
        try (KafkaConsumer<String, UsageEvent> consumer = consumer(bootstrapServers)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ConsumerRecord<String, UsageEvent>> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, UsageEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                    if (r.value().getId().equals(eventId)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("event " + eventId + " never reached Kafka; saw " + seen.size() + " records");
        }
    }

    /** Ids of every record read from the beginning until all of {@code eventIds} were seen. */
    public static Set<String> awaitAll(String bootstrapServers, Collection<String> eventIds) {
        Set<String> missing = new HashSet<>(eventIds);
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, UsageEvent> consumer = consumer(bootstrapServers)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, UsageEvent> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value().getId());
                    missing.remove(r.value().getId());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " events never reached Kafka, e.g. " + missing.iterator().next());
        }
        return seen;
    }

    /** The record with {@code eventId}. */
    public static ConsumerRecord<String, UsageEvent> await(String bootstrapServers, String eventId) {
        List<ConsumerRecord<String, UsageEvent>> seen = readUntil(bootstrapServers, eventId);
        return seen.get(seen.size() - 1);
    }

    /** Ids of every record up to the marker. */
    public static List<String> idsUntil(String bootstrapServers, String markerId) {
        return readUntil(bootstrapServers, markerId).stream().map(r -> r.value().getId()).toList();
    }
}
