package io.valora.rating.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.ResourceNames;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import io.valora.testing.kafka.EmbeddedKafkaBroker;
import io.valora.testing.kafka.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The documented re-processing command against a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class RejectedEventsReplayTest {

    @Test
    void republishesRejectedEventsOfTheChosenReasonsOnceWithoutTheRejectHeaders(EmbeddedKafkaBroker broker) throws Exception {
        Topics topics = new Topics("replay-" + System.nanoTime() + ".");
        broker.createTopics(1, List.of(topics.usageEvents(), topics.usageEventsRejected()));
        reject(broker, topics, "demo/cust-1", "event-1", "no-subscription");
        reject(broker, topics, "demo/cust-2", "event-2", "too-old");
        reject(broker, topics, "demo/cust-3", "event-3", "plan-not-found");

        long first = RejectedEventsReplay.replay(KafkaClientConfig.bootstrapOnly(broker.bootstrapServers()), topics,
                Set.of("no-subscription", "plan-not-found")::contains, false, Duration.ofSeconds(30));
        long second = RejectedEventsReplay.replay(KafkaClientConfig.bootstrapOnly(broker.bootstrapServers()), topics, code -> true, false, Duration.ofSeconds(30));

        assertThat(first).isEqualTo(2);
        assertThat(second).as("already replayed, and too-old was passed over on purpose").isZero();
        List<ConsumerRecord<String, String>> usage = readAll(broker, topics.usageEvents(), 2);
        assertThat(usage).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("demo/cust-1", "event-1"),
                        org.assertj.core.groups.Tuple.tuple("demo/cust-3", "event-3"));
        assertThat(usage).allSatisfy(r -> {
            assertThat(r.headers().lastHeader(ResourceNames.REJECT_CODE_HEADER)).isNull();
            assertThat(r.headers().lastHeader("trace")).isNotNull();
        });
    }

    private static void reject(EmbeddedKafkaBroker broker, Topics topics, String key, String value, String code) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topics.usageEventsRejected(), key, value);
            record.headers().add(ResourceNames.REJECT_CODE_HEADER, code.getBytes(StandardCharsets.UTF_8));
            record.headers().add(ResourceNames.REJECT_REASON_HEADER, (code + ": why").getBytes(StandardCharsets.UTF_8));
            record.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker broker, String topic, int atLeast) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).hasSizeGreaterThanOrEqualTo(atLeast);
            return records;
        }
    }
}
