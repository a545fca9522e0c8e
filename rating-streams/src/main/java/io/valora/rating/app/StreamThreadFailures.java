package io.valora.rating.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * Remembers why a Kafka Streams thread (stream or global) died, so readiness can name the reason, and
 * shuts the client down as Kafka Streams does by default. Quarkus hands this bean to
 * {@code KafkaStreams#setUncaughtExceptionHandler}.
 *
 * <p>Why not replace the thread: a record that kills a thread is meant to be a dead letter already
 * (every processor and updater sets its failures aside), so what reaches here is about the client or
 * its state, and a replaced thread would meet it again. Failing closed, readiness and liveness DOWN,
 * lets the platform restart the instance and tells the operator why.
 */
@ApplicationScoped
public class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamThreadFailures.class);

    private final AtomicReference<Throwable> first = new AtomicReference<>();

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        first.compareAndSet(null, exception);
        LOG.errorf(exception, "A Kafka Streams thread died (%s); rating stops on this instance", Thread.currentThread().getName());
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The first exception that killed a thread, if one did. */
    public Optional<Throwable> died() {
        return Optional.ofNullable(first.get());
    }
}
