package io.valora.invoice.charges;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.valora.invoice.db.DatabaseStartup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads the {@code rated-charges} topic into PostgreSQL on its own thread.
 *
 * <p>Why it exists: this is where the invoice service's view of usage comes from, and where
 * its delivery guarantee is made. Offsets are committed only after the database transaction
 * has committed, so a crash in between redelivers the batch; the store's sequence guard makes
 * that redelivery a no-op. If the database write fails, the consumer rewinds to the batch's
 * first offsets and retries after a pause, so nothing is skipped.
 */
@ApplicationScoped
public class RatedChargeConsumer {

    private static final Logger LOG = Logger.getLogger(RatedChargeConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final ConsumerSettings settings;
    private final RatedChargeStore store;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    RatedChargeConsumer(ConsumerSettings settings, RatedChargeStore store) {
        this.settings = settings;
        this.store = store;
    }

    void start(@Observes @Priority(DatabaseStartup.PRIORITY + 10) StartupEvent event) {
        // Values stay bytes here: ChargeBatch decodes each one, so an unreadable charge is handled alone.
        consumer = new KafkaConsumer<>(settings.properties(), settings.topic().keySerde().deserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "rated-charges-consumer");
        thread.start();
        LOG.infof("Consuming %s from %s", settings.topic().name(), settings.properties().get("bootstrap.servers"));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            kafka.subscribe(List.of(settings.topic().name()));
            while (!isStopping()) {
                ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                if (!records.isEmpty()) {
                    handle(kafka, ChargeBatch.of(records));
                }
            }
        } catch (WakeupException e) {
            if (!isStopping()) {
                LOG.error("Rated-charge consumer woken up unexpectedly; it stops", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Rated-charge consumer failed and stopped; restart the service", e);
        }
        LOG.info("Rated-charge consumer stopped");
    }

    private void handle(KafkaConsumer<String, byte[]> kafka, ChargeBatch batch) {
        try {
            int changed = batch.charges().isEmpty() ? 0 : store.upsertAll(batch.charges());
            LOG.debugf("Stored %d rated charges (%d changed)", batch.charges().size(), changed);
        } catch (RuntimeException e) {
            LOG.errorf("Could not store %d rated charges, retrying in %s: %s",
                    batch.charges().size(), RETRY_PAUSE, e.getMessage());
            batch.rewind().forEach(kafka::seek);
            pause();
            return;
        }
        try {
            kafka.commitSync(batch.commit());
        } catch (CommitFailedException e) {
            // The group rebalanced: the batch will be redelivered, and storing it again changes nothing.
            LOG.warnf("Offsets not committed after a rebalance; the batch will be redelivered: %s", e.getMessage());
        }
    }

    private void pause() {
        try {
            stopping.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }
}
