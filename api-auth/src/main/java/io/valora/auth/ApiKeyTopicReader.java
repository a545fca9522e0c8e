package io.valora.auth;

import io.valora.schemas.ApiKey;
import io.valora.schemas.Topic;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Keeps an {@link ApiKeyRegistry} equal to the compacted {@code api-keys} topic: one consumer
 * without a group, assigned every partition, reading from the beginning and then polling until
 * {@link #close()}, so a new or revoked key takes effect within one poll interval (well inside
 * the 10 s promise). It is plain Java so every service can run it, whatever its framework: build
 * it, {@link #start()} it at startup, {@link #close()} it at shutdown.
 *
 * <p>Partitions added to the topic while running are picked up within
 * {@link Settings#partitionRecheck()} and read from their beginning.
 *
 * <p>No consumer group: every service instance needs the whole topic, and nothing is committed.
 * While the broker is unreachable the last known keys stay in force; revocations travel through
 * the same broker, so they cannot be missed, only delayed until it returns.
 */
public final class ApiKeyTopicReader implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiKeyTopicReader.class.getName());

    /**
     * Where and how to read.
     *
     * @param clientProperties the service's Kafka client properties (brokers, security, tuning: in a
     *     Quarkus service its {@code kafka.*} configuration); the reader layers its own settings on top
     * @param topic the {@code api-keys} topic (prefix included) and its serdes
     * @param clientId the consumer's client id, e.g. {@code valora-ingest-gateway-api-keys}
     * @param pollInterval how long one poll waits; bounds how late a revocation is seen
     * @param partitionRecheck how often the topic's partitions are listed again, so partitions
     *     added while running are read (from their beginning) without a restart
     */
    public record Settings(Map<String, Object> clientProperties, Topic<String, ApiKey> topic, String clientId,
            Duration pollInterval, Duration partitionRecheck) {

        /** Default {@link #partitionRecheck}. */
        public static final Duration DEFAULT_PARTITION_RECHECK = Duration.ofSeconds(10);

        /** Settings with the default partition re-check interval. */
        public Settings(Map<String, Object> clientProperties, Topic<String, ApiKey> topic, String clientId, Duration pollInterval) {
            this(clientProperties, topic, clientId, pollInterval, DEFAULT_PARTITION_RECHECK);
        }

        public Settings {
            clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(clientId, "clientId");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            if (partitionRecheck.isNegative() || partitionRecheck.isZero()) {
                throw new IllegalArgumentException("partitionRecheck must be positive");
            }
        }
    }

    private final ApiKeyRegistry registry = new ApiKeyRegistry();
    private final Settings settings;
    private final Map<String, Object> consumerProperties;
    private final ApiKeyPartitions partitions;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile String failure;
    private final java.util.concurrent.atomic.AtomicLong skipped = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);
    /** Fault injection for tests: runs before each record is applied; a throw stops reading like any failure. */
    private volatile java.util.function.Consumer<ConsumerRecord<String, byte[]>> beforeApply = r -> { };
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * Checks and layers the consumer's properties at once, so a service that builds its reader at
     * start-up fails there, with the message, when its configuration contradicts the reader.
     *
     * @throws IllegalStateException if the client properties set {@code isolation.level} or
     *     {@code enable.auto.commit} to something the reader cannot work with
     */
    public ApiKeyTopicReader(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.consumerProperties = ReaderConsumerProperties.of(settings);
        this.partitions = new ApiKeyPartitions(settings.topic().name(), () -> running);
    }

    /** The exact properties the reader's consumer is built with (for checks and tests). */
    public Map<String, Object> consumerProperties() {
        return consumerProperties;
    }

    /** The keys read so far; look callers up here (by {@link KeyHash} of the presented key). */
    public ApiKeyRegistry registry() {
        return registry;
    }

    /** True once the topic was read up to the end offsets seen at start; readiness should wait for it. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Why reading stopped, while it is stopped (empty while reading works). A stopped reader cannot
     * see revocations, so a service must then accept no key from it (fail closed) and report itself
     * not ready; the reader starts over from the beginning after {@link #RESTART_DELAY}.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** True when the keys can be trusted: read to the end once, and reading has not stopped since. */
    public boolean available() {
        return caughtUp && failure == null;
    }

    /**
     * Fault injection for tests of the services' fail-closed behaviour: a hook run before each
     * record is applied; a throw stops reading like any failure. Never set in production.
     */
    public void beforeApply(java.util.function.Consumer<ConsumerRecord<String, byte[]>> hook) {
        this.beforeApply = hook;
    }

    /** Records skipped because they could not be read (their key does not work until a readable record comes). */
    public long skippedRecords() {
        return skipped.get();
    }

    /** Starts reading on a daemon thread of its own; returns at once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, "api-keys-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops reading and waits (briefly) for the consumer to close. */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reader;
        synchronized (this) {
            reader = thread;
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long the reader waits before it starts over after a failure. */
    public static final Duration RESTART_DELAY = Duration.ofSeconds(5);

    private void run() {
        while (running) {
            try {
                readUntilClosed();
            } catch (WakeupException e) {
                return; // Shutting down.
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.log(Level.ERROR, "The api-keys reader stopped; no key from the topic is accepted until it reads again "
                        + "(starting over in " + RESTART_DELAY.toSeconds() + " s)", e);
                try {
                    stopping.await(RESTART_DELAY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void readUntilClosed() {
        Deserializer<ApiKey> values = settings.topic().valueSerde().deserializer();
        // Values are decoded one by one (apply), so one unreadable record cannot stop the reader.
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties,
                settings.topic().keySerde().deserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            if (!running) {
                return;
            }
            List<TopicPartition> all = partitions.await(kafka);
            kafka.assign(all);
            kafka.seekToBeginning(all);
            Map<TopicPartition, Long> endAtStart = kafka.endOffsets(all);
            boolean recovered = false;
            long nextRecheck = System.nanoTime() + settings.partitionRecheck().toNanos();
            while (running) {
                if (System.nanoTime() - nextRecheck >= 0) {
                    partitions.assignAdded(kafka);
                    nextRecheck = System.nanoTime() + settings.partitionRecheck().toNanos();
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(settings.pollInterval())) {
                    beforeApply.accept(record);
                    apply(values, record);
                }
                if (!recovered && endAtStart.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                    recovered = true;
                    caughtUp = true;
                    if (failure != null) {
                        LOG.log(Level.INFO, "The api-keys reader reads again after: {0}", failure);
                        failure = null;
                    }
                    LOG.log(Level.INFO, "API keys loaded from {0}: {1} active", settings.topic().name(), registry.size());
                }
            }
        }
    }

    private void apply(Deserializer<ApiKey> values, ConsumerRecord<String, byte[]> record) {
        try {
            registry.apply(record.key(), record.value() == null ? null : values.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            // A record we cannot read must not stop key updates; that key simply does not work.
            registry.forget(record.key());
            skipped.incrementAndGet();
            LOG.log(Level.WARNING, "Skipping unreadable api-keys record at {0}-{1}@{2}: {3}", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }
}
