package io.valora.rating.app;

import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * Writes the dead letters of the catalog updaters with a plain producer of its own, built like every
 * Kafka client of the service ({@link KafkaClientConfig}: the operator's {@code kafka.*} keys, durable).
 *
 * <p>Why not through the topology: the updaters run on Kafka Streams' global thread, whose processors
 * cannot forward to a sink, and that thread has no transaction. So a catalog dead letter is written
 * at least once, not exactly once: again at every start of an instance while the bad record is still
 * in its compacted topic (the updaters re-process it on restore). The producer is created at the first
 * dead letter and sends without waiting, so a broker problem never blocks the catalog thread; a send
 * that fails is logged.
 */
@ApplicationScoped
public class CatalogDeadLetterProducer implements DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(CatalogDeadLetterProducer.class);
    static final String CLIENT_ID = "valora-rating-dead-letters";

    private final KafkaClientConfig clients;
    private final String topic;
    private Producer<byte[], byte[]> producer;

    CatalogDeadLetterProducer(KafkaClientConfig clients, RatingConfig config) {
        this.clients = clients;
        this.topic = new Topics(config.topics().prefix().orElse("")).deadLetters();
    }

    @Override
    public void publish(DeadLetter letter) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, letter.key(), letter.value(), letter.headers());
        producer().send(record, (metadata, error) -> {
            if (error != null) {
                LOG.errorf("Dead letter not written to %s (%s): %s", topic, letter.describe(), error.toString());
            }
        });
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(clients.durableProducer(CLIENT_ID, Map.of(), Map.of()),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
