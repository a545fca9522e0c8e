package io.valora.invoice.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.valora.service.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The relay's Kafka side: an idempotent producer ({@code acks=all}, {@code enable.idempotence})
 * created on first use, which sends a batch and returns only once the broker acknowledged every
 * record; and, once, the creation of the relay's topics if they are missing.
 *
 * <p>Why it exists: the relay marks rows sent only after this returns, so an exception here
 * means "not sent, try again" — the rows stay in the outbox.
 *
 * <p>Both clients take the operator's {@code kafka.*} keys ({@link KafkaClientConfig}); their
 * properties are settled when the bean is built at start-up ({@link Startup}), so a refused
 * setting stops the service there, not at the first relayed row. The rows carry their topic and
 * already-encoded value, so the producer writes strings and bytes, not a typed topic.
 */
@Startup
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> producerProperties;
    private final Map<String, Object> adminProperties;
    private final OutboxSettings settings;
    private KafkaProducer<String, byte[]> producer;
    private boolean topicsReady;

    OutboxPublisher(KafkaClientConfig kafka,
                    @ConfigProperty(name = "valora.consumer.group-id", defaultValue = "valora-invoice-service") String clientId,
                    OutboxSettings settings) {
        this.producerProperties = producerProperties(kafka, clientId + "-outbox");
        this.adminProperties = adminProperties(kafka, clientId + "-outbox-admin");
        this.settings = settings;
    }

    /**
     * Required: {@code acks=all}, {@code enable.idempotence=true} (a row is marked sent only once
     * every in-sync replica has it, and a retried batch leaves one copy). Defaults the operator may
     * change: bounded waits, so a broker outage fails the relay run instead of hanging it.
     */
    static Map<String, Object> producerProperties(KafkaClientConfig kafka, String clientId) {
        return kafka.durableProducer(clientId, Map.of(
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000",
                ProducerConfig.LINGER_MS_CONFIG, "5"), Map.of());
    }

    /** The topic check's admin client: the operator's keys over bounded timeouts. */
    static Map<String, Object> adminProperties(KafkaClientConfig kafka, String clientId) {
        return kafka.admin(clientId, Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** The exact properties the producer is (or will be) built with. */
    Map<String, Object> producerProperties() {
        return producerProperties;
    }

    /** The exact properties the admin client is built with. */
    Map<String, Object> adminProperties() {
        return adminProperties;
    }

    /**
     * Sends every row in order and waits for all acknowledgements.
     *
     * @return the rows the broker refused for good (too large, unencodable, invalid), with the reason; every other row
     *     was acknowledged
     * @throws IllegalStateException if a row could not be sent for a reason that may pass (broker away, timeout):
     *     then nothing counts as sent and the batch is tried again
     */
    public synchronized SendOutcome sendAll(List<OutboxRow> rows) {
        ensureTopics();
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
        }
        kafka.flush();
        Map<Long, String> refused = new java.util.LinkedHashMap<>();
        try {
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!refusedForGood(e.getCause())) {
                        throw e;
                    }
                    refused.put(rows.get(i).id(), e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the outbox batch: " + e.getMessage(), e);
        }
        return new SendOutcome(refused);
    }

    /** Errors that sending the same bytes again can never fix. */
    static boolean refusedForGood(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof InvalidTopicException
                || error instanceof SerializationException;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void ensureTopics() {
        if (topicsReady) {
            return;
        }
        try (Admin admin = Admin.create(adminProperties)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = settings.ownTopics().stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), java.util.Optional.of(t.partitions()), java.util.Optional.empty())
                            .configs(t.compacted() ? Map.of("cleanup.policy", "compact") : Map.of()))
                    .toList();
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            topicsReady = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not check or create the outbox topics: " + e.getMessage(), e);
        }
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
