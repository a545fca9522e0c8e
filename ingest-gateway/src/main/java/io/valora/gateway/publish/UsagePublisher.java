package io.valora.gateway.publish;

import io.quarkus.runtime.ShutdownEvent;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes accepted usage events to Kafka and returns only once the broker has acknowledged every
 * one of them: {@code acks=all} with an idempotent producer, so a 202 means the events are
 * durable and a client retry cannot create a second copy in the log.
 */
@ApplicationScoped
public class UsagePublisher {

    private final KafkaProducer<String, UsageEvent> producer;
    private final String topic;
    private final Duration timeout;

    UsagePublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "valora.ingest.publish-timeout") Duration timeout) {
        this.topic = new Topics(topicPrefix.orElse("")).usageEvents();
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, timeout), new StringSerializer(),
                RecordSerde.singleObject(UsageEvent.class).serializer());
    }

    static Map<String, Object> producerConfig(String bootstrapServers, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "valora-ingest-gateway");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        // Bounded waits: a broker outage turns into a 503 within the timeout, never a hung request.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_000 + 5));
        return config;
    }

    /**
     * Publishes the events and waits for the broker's acknowledgement of each.
     *
     * @throws PublishFailedException if any event was not acknowledged within the timeout
     */
    public void publish(List<UsageEvent> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (UsageEvent e : events) {
            if (System.nanoTime() > deadline) {
                throw new PublishFailedException("the broker did not take the records within " + timeout.toSeconds() + " s", null);
            }
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(new ProducerRecord<>(topic, RecordKeys.usage(e.getTenant(), e.getSubject()), e));
            } catch (KafkaException ex) {
                throw new PublishFailedException(ex.getMessage(), ex);
            }
            // A send that already failed (no metadata within max.block.ms: broker down) ends the
            // request now, instead of each following record waiting out the same timeout.
            if (ack.isDone()) {
                await(ack, deadline);
            }
            acks.add(ack);
        }
        for (Future<RecordMetadata> ack : acks) {
            await(ack, deadline);
        }
    }

    private void await(Future<RecordMetadata> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new PublishFailedException("the broker did not acknowledge within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new PublishFailedException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for the broker", e);
        }
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close(Duration.ofSeconds(5));
    }
}
