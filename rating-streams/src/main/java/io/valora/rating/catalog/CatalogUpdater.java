package io.valora.rating.catalog;

import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.rating.deadletter.Decoded;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three catalog updaters share: a catalog record that cannot be decoded or applied is set
 * aside as a dead letter and the global thread goes on with the next one.
 *
 * <p>Why: the updaters run on Kafka Streams' global thread, which Kafka Streams 4.1's processing
 * exception handler does not cover; an exception there kills the thread and stops rating for every
 * tenant of the instance, and after a restart the same record would do it again. The global thread
 * cannot forward to a sink either, so the dead letter goes to a {@link DeadLetterPublisher} (a plain
 * producer in the service). The updaters also run on restore, so a bad record still in the compacted
 * topic is dead-lettered again at each start of an instance.
 *
 * @param <V> the catalog record type
 */
abstract class CatalogUpdater<V> implements Processor<String, Decoded<V>, Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogUpdater.class);

    private final String stage;
    private final CatalogChanges changes;
    private final DeadLetterPublisher deadLetters;
    private ProcessorContext<Void, Void> context;

    CatalogUpdater(String stage, CatalogChanges changes, DeadLetterPublisher deadLetters) {
        this.stage = stage;
        this.changes = changes;
        this.deadLetters = deadLetters;
    }

    @Override
    public final void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        open(context);
    }

    /** Takes the store(s) from the context. */
    abstract void open(ProcessorContext<Void, Void> context);

    /** Applies one record to the store: {@code value} {@code null} is a tombstone of {@code key}. */
    abstract void apply(String key, V value);

    @Override
    public final void process(Record<String, Decoded<V>> record) {
        Decoded<V> decoded = record.value();
        try {
            if (decoded != null && decoded.failed()) {
                throw decoded.failure();
            }
            apply(record.key(), decoded == null ? null : decoded.value());
        } catch (RuntimeException e) {
            DeadLetter.rethrowIfKafkas(e);
            DeadLetter letter = new DeadLetter(stage, context.recordMetadata(), DeadLetter.keyBytes(record.key()),
                    decoded == null ? null : decoded.raw(), e);
            LOG.warn("Catalog record not applied, sent to the dead letters: {}", letter.describe());
            deadLetters.publish(letter);
        } finally {
            // also after a failure: the updater may have written part of the record, lookups must not keep older answers
            changes.changed();
        }
    }
}
