package io.valora.deploy.probes;

import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordSerde;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A plain Kafka producer that writes straight to Valora's topics, past every service's validation: what a buggy
 * or compromised producer with write access could put there. Each write waits for the broker's acknowledgement,
 * so a record the probe expects to see handled is known to be on the topic.
 */
final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    TopicWriter(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Writes bytes that are no Avro record at all. They start with {@code garbage} (not the single-object marker
     * {@code C3 01}, which invoice-service would rightly take for a newer writer's record and wait for).
     */
    void garbage(String topic, String key, String marker) {
        byte[] value = ("garbage " + marker + " \u0000\u00ff{not avro").getBytes(StandardCharsets.UTF_8);
        send(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    /** Writes a well-formed rated charge under the key rating would give it, as rating itself would. */
    void charge(String topic, RatedCharge charge) {
        byte[] value = RecordSerde.singleObject(RatedCharge.class).serializer().serialize(topic, charge);
        send(topic, ChargeKey.of(charge).text().getBytes(StandardCharsets.UTF_8), value);
    }

    private void send(String topic, byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
