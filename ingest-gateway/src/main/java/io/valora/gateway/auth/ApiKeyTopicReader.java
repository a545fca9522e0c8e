package io.valora.gateway.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.valora.schemas.ApiKey;
import io.valora.schemas.Topics;
import io.valora.schemas.codec.RecordSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps {@link ApiKeyRegistry} equal to the compacted {@code api-keys} topic: one consumer without
 * a group, assigned every partition, reading from the beginning and then polling forever, so a
 * new or revoked key takes effect within one poll interval (well inside the 10 s promise).
 *
 * <p>No consumer group: every gateway instance needs the whole topic, and nothing is committed.
 * While the broker is unreachable the last known keys stay in force; revocations travel through
 * the same broker, so they cannot be missed, only delayed until it returns.
 */
@ApplicationScoped
public class ApiKeyTopicReader {

    private static final Logger LOG = Logger.getLogger(ApiKeyTopicReader.class);

    private final ApiKeyRegistry registry = new ApiKeyRegistry();
    private final AuthConfig config;
    private final String bootstrapServers;
    private final String topic;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ApiKeyTopicReader(AuthConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "valora.topics.prefix") Optional<String> topicPrefix) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.topic = new Topics(topicPrefix.orElse("")).apiKeys();
    }

    public ApiKeyRegistry registry() {
        return registry;
    }

    /** True once the topic was read up to the end offsets seen at start (or reading is disabled). */
    public boolean caughtUp() {
        return caughtUp || !config.topicEnabled();
    }

    void start(@Observes StartupEvent startup) {
        if (!config.topicEnabled()) {
            LOG.warn("API keys from the api-keys topic are disabled (valora.auth.topic-enabled=false)");
            return;
        }
        thread = new Thread(this::run, "api-keys-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        Deserializer<ApiKey> values = RecordSerde.singleObject(ApiKey.class).deserializer();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "valora-ingest-gateway-api-keys",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Keys written by a transactional outbox appear only once committed.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(config.topicPollInterval())) {
                    apply(values, record);
                }
                if (!caughtUp && endAtStart.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    LOG.infof("API keys loaded from %s: %d active", topic, registry.size());
                }
            }
        } catch (WakeupException e) {
            // Shutting down.
        } catch (RuntimeException e) {
            LOG.error("The api-keys reader stopped; keys known so far stay in force until restart", e);
        }
    }

    private void apply(Deserializer<ApiKey> values, ConsumerRecord<String, byte[]> record) {
        try {
            registry.apply(record.key(), record.value() == null ? null : values.deserialize(topic, record.value()));
        } catch (RuntimeException e) {
            // A record we cannot read must not stop key updates; that key simply does not work.
            registry.apply(record.key(), null);
            LOG.warnf("Skipping unreadable api-keys record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        boolean warned = false;
        while (running) {
            try {
                var infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Broker not reachable yet; keep trying.
            }
            if (!warned) {
                LOG.warnf("Waiting for topic %s to exist; only the development key (if enabled) works until then", topic);
                warned = true;
            }
            sleepQuietly();
        }
        throw new WakeupException();
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }
}
