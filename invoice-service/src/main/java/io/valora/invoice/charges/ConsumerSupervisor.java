package io.valora.invoice.charges;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Keeps a rated-charge consumer session alive: whatever a session throws (an exception from the
 * broker, a bug, an authorization failure), the consumer is closed, readiness goes DOWN with the
 * reason, and a new consumer is started after a backoff that doubles up to {@code maxBackoff}.
 *
 * <p>Why it exists: an exception used to end the consumer thread for good, and with it the
 * reading of every tenant's charges, while the service still looked healthy. The consumer group
 * makes a restart safe: the new session starts from the committed offsets.
 */
final class ConsumerSupervisor implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerSupervisor.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final Supplier<Consumer<byte[], byte[]>> clients;
    private final SessionSettings settings;
    private final ChargeSink sink;
    private final ConsumerStatus status;
    private final Duration maxBackoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Consumer<byte[], byte[]> current;

    ConsumerSupervisor(Supplier<Consumer<byte[], byte[]>> clients, SessionSettings settings, ChargeSink sink,
                       ConsumerStatus status, Duration maxBackoff) {
        this.clients = clients;
        this.settings = settings;
        this.sink = sink;
        this.status = status;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void run() {
        Duration backoff = FIRST_BACKOFF;
        while (!isStopping()) {
            long started = System.nanoTime();
            try (Consumer<byte[], byte[]> kafka = clients.get()) {
                current = kafka;
                new ChargeSession(kafka, settings, sink, status, stopping).run();
            } catch (WakeupException e) {
                if (!isStopping()) {
                    status.stopped("woken up unexpectedly; restarting in " + backoff);
                    LOG.errorf(e, "Rated-charge consumer woken up unexpectedly; restarting in %s", backoff);
                }
            } catch (RuntimeException e) {
                status.stopped("failed with " + e.getClass().getSimpleName() + ": " + e.getMessage() + "; restarting in " + backoff);
                LOG.errorf(e, "Rated-charge consumer failed; restarting it in %s", backoff);
            } finally {
                current = null;
            }
            if (isStopping()) {
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(maxBackoff) > 0) {
                backoff = FIRST_BACKOFF;
            }
            await(backoff);
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            status.restarting();
        }
        status.stopped("stopped (the service is shutting down)");
        LOG.info("Rated-charge consumer stopped");
    }

    /** Asks the running session to end and no new one to start. */
    void stop() {
        stopping.countDown();
        Consumer<byte[], byte[]> kafka = current;
        if (kafka != null) {
            kafka.wakeup();
        }
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    private void await(Duration pause) {
        try {
            stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}
