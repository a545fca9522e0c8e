package io.valora.rating.deadletter;

/**
 * Where the catalog updaters send dead letters. A port because they run on Kafka Streams' global
 * thread, whose processors cannot forward to a sink: the service publishes with a plain producer
 * ({@code app.CatalogDeadLetterProducer}), tests collect them.
 */
@FunctionalInterface
public interface DeadLetterPublisher {

    /** Publishes nothing (tests that do not look). */
    DeadLetterPublisher NONE = letter -> {
    };

    /** Sends one dead letter; must not throw for a broker problem (log it), the catalog thread goes on. */
    void publish(DeadLetter letter);
}
