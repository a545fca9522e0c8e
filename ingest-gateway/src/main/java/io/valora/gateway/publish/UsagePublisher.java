package io.valora.gateway.publish;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.Topic;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.service.kafka.KafkaClientConfig;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes accepted usage events to Kafka and returns only once the broker has acknowledged every
 * one of them: {@code acks=all} with an idempotent producer, so a 202 means the events are
 * durable and a client retry cannot create a second copy in the log.
 */
@Startup
@ApplicationScoped
public class UsagePublisher {

    private final KafkaProducer<String, UsageEvent> producer;
    private final Map<String, Object> producerProperties;
    private final String topic;
    private final Duration timeout;

    /** Built at start-up ({@link Startup}), so a configuration the producer refuses stops the gateway there. */
    UsagePublisher(KafkaClientConfig kafka,
            @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "valora.ingest.publish-timeout") Duration timeout) {
        Topic<String, UsageEvent> usage = new Topics(topicPrefix.orElse("")).usageEventsTopic();
        this.topic = usage.name();
        this.timeout = timeout;
        this.producerProperties = producerProperties(kafka, timeout);
        this.producer = new KafkaProducer<>(producerProperties, usage.keySerde().serializer(), usage.valueSerde().serializer());
    }

    /**
     * The producer's properties: the operator's {@code kafka.*} keys over the gateway's tuning,
     * under {@code acks=all} and {@code enable.idempotence=true}, which the 202 rests on.
     *
     * @throws IllegalStateException if the operator's keys contradict those two
     */
    static Map<String, Object> producerProperties(KafkaClientConfig kafka, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        Map<String, Object> tuning = new HashMap<>();
        tuning.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        tuning.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        tuning.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        // Room for every record the in-flight budget admits (64M of JSON is less as Avro), so a
        // send does not block on a full buffer.
        tuning.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        // Bounded waits: a broker outage turns into a 503 within the timeout, never a hung request.
        tuning.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        tuning.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
        tuning.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_000 + 5));
        return kafka.durableProducer("valora-ingest-gateway", tuning, Map.of());
    }

    /** The exact properties the producer was built with. */
    Map<String, Object> producerProperties() {
        return producerProperties;
    }

    /**
     * Publishes the events and waits for the broker's acknowledgement of each.
     *
     * @throws PublishFailedException if any event was not acknowledged within the timeout
     */
    public void publish(List<UsageEvent> events) {
        try {
            publishAsync(events).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof PublishFailedException failed ? failed : new PublishFailedException(e.getMessage(), e);
        }
    }

    /**
     * Publishes the events; the stage completes once the broker acknowledged every one, or fails
     * with {@link PublishFailedException} at the first failure or when the timeout runs out. No
     * thread waits meanwhile: a request holds memory, not a worker, while Kafka works. The sends
     * run on a worker thread (a send may block while the broker is unreachable); the wait for the
     * acknowledgements holds no thread.
     */
    public CompletionStage<Void> publishAsync(List<UsageEvent> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Never on the event loop: a send blocks while the producer has no usable metadata
        // (broker unreachable), up to max.block.ms, and would stall every connection of that loop.
        return CompletableFuture.supplyAsync(() -> sendAll(events, deadline), Infrastructure.getDefaultWorkerPool())
                .thenCompose(stage -> stage);
    }

    private CompletableFuture<Void> sendAll(List<UsageEvent> events, long deadline) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Acks acks = new Acks(events.size());
        for (UsageEvent e : events) {
            if (System.nanoTime() > deadline) {
                return failed("the broker did not take the records within " + timeout.toSeconds() + " s", null);
            }
            try {
                producer.send(new ProducerRecord<>(topic, RecordKeys.usage(e.getTenant(), e.getSubject()), e), acks);
            } catch (KafkaException ex) {
                return failed(ex.getMessage(), ex);
            }
            // A send that already failed (no metadata within max.block.ms: broker down) ends the
            // request now, instead of each following record waiting out the same timeout.
            if (acks.isCompletedExceptionally()) {
                return failed(acks.handle((m, t) -> t.getMessage()).join(), null);
            }
        }
        long remaining = Math.max(0, deadline - System.nanoTime());
        return acks
                .orTimeout(remaining, TimeUnit.NANOSECONDS)
                .exceptionallyCompose(t -> {
                    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                    return cause instanceof java.util.concurrent.TimeoutException
                            ? failed("the broker did not acknowledge within " + timeout.toSeconds() + " s", cause)
                            : failed(cause.getMessage(), cause);
                });
    }

    /**
     * One completion for all records of a request, counted down by the producer's callbacks: no
     * future per record and no {@code allOf} tree for a 10,000-event batch. Fails at the first
     * record the broker refused.
     */
    private static final class Acks extends CompletableFuture<Void> implements Callback {
        private final AtomicInteger remaining;

        Acks(int records) {
            this.remaining = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null) {
                completeExceptionally(error);
            } else if (remaining.decrementAndGet() == 0) {
                complete(null);
            }
        }
    }

    private static CompletableFuture<Void> failed(String message, Throwable cause) {
        return CompletableFuture.failedFuture(new PublishFailedException(message, cause));
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close(Duration.ofSeconds(5));
    }
}
