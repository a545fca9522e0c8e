package io.valora.invoice.charges;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.valora.invoice.db.DatabaseStartup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the {@code rated-charges} topic into PostgreSQL on its own thread, supervised.
 *
 * <p>Why it exists: this is where the invoice service's view of usage comes from, and where its
 * delivery guarantee is made ({@link ChargeSession}): offsets are committed only after the
 * database transaction has committed and refused records are on the dead-letter topic; a record
 * of a newer schema pauses its partition instead of being skipped. {@link ConsumerSupervisor}
 * restarts the consumer after any failure, and {@link ChargeConsumerReadiness} reports it.
 */
@ApplicationScoped
public class RatedChargeConsumer implements ChargeSink {

    private static final Logger LOG = Logger.getLogger(RatedChargeConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(15);

    private final ConsumerSettings settings;
    private final ChargeIntake store;
    private final DeadLetterPublisher deadLetters;
    private final ConsumerStatus status;
    private final Duration skewRetry;
    private final Duration maxBackoff;
    private ConsumerSupervisor supervisor;
    private Thread thread;

    RatedChargeConsumer(ConsumerSettings settings, ChargeIntake store, DeadLetterPublisher deadLetters, ConsumerStatus status,
                        @ConfigProperty(name = "valora.consumer.skew-retry", defaultValue = "PT1M") Duration skewRetry,
                        @ConfigProperty(name = "valora.consumer.max-backoff", defaultValue = "PT30S") Duration maxBackoff) {
        this.settings = settings;
        this.store = store;
        this.deadLetters = deadLetters;
        this.status = status;
        this.skewRetry = skewRetry;
        this.maxBackoff = maxBackoff;
    }

    void start(@Observes @Priority(DatabaseStartup.PRIORITY + 10) StartupEvent event) {
        // Keys and values stay bytes: ChargeDecoder reads each record alone, and a refused one is dead-lettered unchanged.
        SessionSettings session = new SessionSettings(settings.topic().name(), RETRY_PAUSE, COMMIT_TIMEOUT, skewRetry);
        supervisor = new ConsumerSupervisor(
                () -> new KafkaConsumer<>(settings.properties(), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                session, this, status, maxBackoff);
        thread = new Thread(supervisor, "rated-charges-consumer");
        thread.start();
        LOG.infof("Consuming %s from %s", settings.topic().name(), settings.properties().get("bootstrap.servers"));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (supervisor != null) {
            supervisor.stop();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    @Override
    public void deadLetter(List<DeadLetter> letters) {
        deadLetters.publish(letters);
    }

    @Override
    public int store(List<ChargeRow> charges) {
        return store.upsertAll(charges);
    }
}
