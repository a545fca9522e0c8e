package io.valora.rating.replay;

import io.valora.rating.config.ResourceNames;
import io.valora.schemas.Topic;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

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
 *   io.valora.rating.replay.RejectedEventsReplay [--bootstrap 127.0.0.1:9092] [--command-config client.properties] \
 *   [--prefix staging.] [--reason no-subscription,plan-not-found] [--from-beginning]
 * </pre>
 *
 * <p>Its Kafka clients are configured the way the services' are, so it reaches a secured cluster:
 * {@code KAFKA_*} environment variables mapped as Quarkus maps them ({@code KAFKA_SASL_JAAS_CONFIG}
 * → {@code sasl.jaas.config}), then a Kafka client properties file given with
 * {@code --command-config} (as Kafka's own command-line tools take it), then {@code --bootstrap};
 * a later source wins. Required on top: {@code acks=all} and idempotence for the producer,
 * {@code read_committed}, group {@value #GROUP} and no auto commit for the consumer.
 */
public final class RejectedEventsReplay {

    /** Consumer group that remembers how far the replays got. */
    public static final String GROUP = "valora-rejected-replay";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    private RejectedEventsReplay() {
    }

    /** Command line entry point; prints how many events were re-published. */
    public static void main(String[] args) throws IOException {
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
        KafkaClientConfig kafka = new KafkaClientConfig(clientProperties(System.getenv(),
                Optional.ofNullable(options.get("command-config")).map(Path::of), Optional.ofNullable(options.get("bootstrap"))));
        long replayed = replay(kafka, new Topics(options.get("prefix")), reasons.isEmpty() ? code -> true : reasons::contains,
                options.containsKey("from-beginning"), Duration.ofMinutes(5));
        System.out.println("re-published " + replayed + " rejected events");
    }

    /**
     * The operator's client properties, lowest first: {@code KAFKA_*} environment variables (name
     * without {@code KAFKA_}, lower case, {@code _} → {@code .}, as Quarkus maps them), the
     * properties file, {@code --bootstrap}; {@value #DEFAULT_BOOTSTRAP} when none names the brokers.
     */
    static Map<String, Object> clientProperties(Map<String, String> env, Optional<Path> commandConfig,
            Optional<String> bootstrap) throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP);
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && name.length() > "KAFKA_".length()) {
                props.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        if (commandConfig.isPresent()) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(commandConfig.get())) {
                file.load(reader);
            }
            file.stringPropertyNames().forEach(name -> props.put(name, file.getProperty(name)));
        }
        bootstrap.ifPresent(servers -> props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers));
        return props;
    }

    /** What the replay's consumer is built with: committed records only, its own group, commits by hand. */
    static Map<String, Object> consumerProperties(KafkaClientConfig kafka) {
        return kafka.committedReader(GROUP, Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
    }

    /** What the replay's producer is built with: a copy counts once every in-sync replica has it, once. */
    static Map<String, Object> producerProperties(KafkaClientConfig kafka) {
        return kafka.durableProducer(GROUP + "-producer", Map.of(), Map.of());
    }

    /**
     * Copies every rejected event whose reject code passes {@code reasons} back to the usage topic.
     *
     * @return how many events were re-published
     */
    public static long replay(KafkaClientConfig kafka, Topics topics, Predicate<String> reasons, boolean fromBeginning, Duration timeout) {
        Topic<byte[], byte[]> rejected = topics.usageEventsRejectedTopic();
        // Copied as bytes: the record goes back exactly as it arrived.
        Topic<byte[], byte[]> usage = topics.usageEventsTopic().raw();
        long replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(kafka),
                rejected.keySerde().deserializer(), rejected.valueSerde().deserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(kafka),
                        usage.keySerde().serializer(), usage.valueSerde().serializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(rejected.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end of " + rejected.name() + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // rejected after this run started
                    }
                    if (reasons.test(code(record))) {
                        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(usage.name(), record.key(), record.value());
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
