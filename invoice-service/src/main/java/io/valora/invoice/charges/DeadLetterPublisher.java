package io.valora.invoice.charges;

import io.valora.schemas.DeadLetterHeaders;
import io.quarkus.runtime.ShutdownEvent;
import io.valora.schemas.Topics;
import io.valora.service.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes refused {@code rated-charges} records to the dead-letter topic, unchanged, with headers
 * naming where they came from and why ({@link DeadLetterHeaders}), and waits for the broker's ack.
 *
 * <p>Why it exists: the consumer commits past a refused record only once it is safely elsewhere,
 * so nothing is ever dropped without a trace; an exception here means "not parked, retry".
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** This service's name in {@link DeadLetterHeaders#SERVICE}. */
    private static final String THIS_SERVICE = "invoice-service";

    private final Map<String, Object> properties;
    private final String topic;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterPublisher(KafkaClientConfig kafka, @ConfigProperty(name = "valora.topics.prefix") Optional<String> prefix,
                        @ConfigProperty(name = "valora.consumer.group-id", defaultValue = "valora-invoice-service") String clientId) {
        this.topic = new Topics(prefix.orElse("")).deadLetters();
        this.properties = kafka.durableProducer(clientId + "-dead-letters", Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000"), Map.of());
    }

    /** The dead-letter topic's full name. */
    public String topic() {
        return topic;
    }

    /** Publishes every letter and returns once all were acknowledged; throws otherwise. */
    public synchronized void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        if (producer == null) {
            producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        }
        List<Future<?>> acks = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topic, null, letter.record().key(), letter.record().value(),
                    letter.record().headers());
            annotate(out.headers(), letter);
            acks.add(producer.send(out));
        }
        try {
            for (Future<?> ack : acks) {
                ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the dead letters on " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void annotate(Headers headers, DeadLetter letter) {
        DeadLetterHeaders.write(headers, letter.record().topic(), letter.record().partition(), letter.record().offset(),
                letter.cause(), THIS_SERVICE);
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
