package io.valora.rating.replay;

import io.valora.rating.topology.ResourceNames;
import io.valora.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes rejected usage events from {@code usage-events.rejected} to {@code usage-events},
 * once the catalog has caught up (a subscription or plan created after its first usage).
 *
 * <p>Safe to run at any time: rating remembers only accepted event ids, so a replayed event that
 * was rejected is resolved again, and one replayed twice is dropped as a duplicate. It reads up to
 * the end offsets it finds when it starts (so events rejected again while it runs wait for the next
 * run), copies key, value and headers unchanged (the reject headers dropped), and commits its
 * position in consumer group {@value #GROUP} only after the broker acknowledged the copies, so each
 * rejected record is replayed once by default; {@code --from-beginning} replays everything again.
 *
 * <pre>
 * java -cp 'rating-streams/target/quarkus-app/app/*:rating-streams/target/quarkus-app/lib/main/*' \
 *   io.valora.rating.replay.RejectedEventsReplay --bootstrap 127.0.0.1:9092 [--prefix staging.] \
 *   [--reason no-subscription,plan-not-found] [--from-beginning]
 * </pre>
 */
public final class RejectedEventsReplay {

    /** Consumer group that remembers how far the replays got. */
    public static final String GROUP = "valora-rejected-replay";

    private static final Duration POLL = Duration.ofMillis(500);

    private RejectedEventsReplay() {
    }

    /** Command line entry point; prints how many events were re-published. */
    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--from-beginning")) {
                options.put("from-beginning", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Set<String> reasons = options.containsKey("reason")
                ? Set.of(options.get("reason").split(",")) : Set.of();
        long replayed = replay(options.getOrDefault("bootstrap", "127.0.0.1:9092"),
                new Topics(options.get("prefix")), reasons.isEmpty() ? code -> true : reasons::contains,
                options.containsKey("from-beginning"), Duration.ofMinutes(5));
        System.out.println("re-published " + replayed + " rejected events");
    }

    /**
     * Copies every rejected event whose reject code passes {@code reasons} back to the usage topic.
     *
     * @return how many events were re-published
     */
    public static long replay(String bootstrap, Topics topics, Predicate<String> reasons, boolean fromBeginning, Duration timeout) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        long replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.usageEventsRejected()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end of " + topics.usageEventsRejected() + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // rejected after this run started
                    }
                    if (reasons.test(code(record))) {
                        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topics.usageEvents(), record.key(), record.value());
                        for (Header header : record.headers()) {
                            if (!header.key().equals(ResourceNames.REJECT_CODE_HEADER) && !header.key().equals(ResourceNames.REJECT_REASON_HEADER)) {
                                copy.headers().add(header);
                            }
                        }
                        producer.send(copy);
                        replayed++;
                    }
                }
                producer.flush(); // acknowledged before the position moves past them
                Map<TopicPartition, OffsetAndMetadata> position = new HashMap<>();
                partitions.forEach(p -> position.put(p, new OffsetAndMetadata(Math.min(consumer.position(p), end.get(p)))));
                consumer.commitSync(position);
            }
        }
        return replayed;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String code(ConsumerRecord<byte[], byte[]> record) {
        Header code = record.headers().lastHeader(ResourceNames.REJECT_CODE_HEADER);
        return code == null ? "" : new String(code.value(), StandardCharsets.UTF_8);
    }
}
