package io.valora.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class EmbeddedKafkaBrokerTest {

    @Test
    void servesAProducedRecordToAConsumerOnLoopback(EmbeddedKafkaBroker broker) throws Exception {
        assertThat(broker.bootstrapServers()).matches("(localhost|127\\.0\\.0\\.1):\\d+");
        broker.createTopics(1, List.of("smoke"));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>("smoke", "k", "hello")).get();
            assertThat(written.offset()).isZero();
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            ConsumerRecord<String, String> received = null;
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    received = r;
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.value()).isEqualTo("hello");
        }
    }

    @Test
    void isSharedByEveryUserOfTheRun(EmbeddedKafkaBroker broker) {
        EmbeddedKafkaBroker again = SharedKafkaBroker.acquire();
        try {
            assertThat(again).isSameAs(broker);
        } finally {
            SharedKafkaBroker.release();
        }
    }
}
