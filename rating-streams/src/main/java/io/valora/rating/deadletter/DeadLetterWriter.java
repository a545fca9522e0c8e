package io.valora.rating.deadletter;

import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step before a stream thread's dead-letter sink: turns a {@link DeadLetter} into the record
 * the dead-letter topic holds (original key and value bytes, {@code valora.dlq.*} headers), counts it
 * and logs where and what failed, never the payload.
 *
 * <p>Why a processor and not a side producer: forwarded to a sink, the dead letter is written in the
 * same exactly-once transaction as the offsets and state of the failed record, so it is written once,
 * exactly when the record is consumed.
 *
 * <p>The dead letter carries the time it was written (the stream thread's wall clock), not the failed record's
 * stream time: an undecodable record has no event time (it gets 0 as the first of its partition), and an old
 * event's time would make the topic's time retention delete its letter at once, before anyone saw it.
 */
public final class DeadLetterWriter implements Processor<String, DeadLetter, byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final Consumer<DeadLetter> counted;
    private ProcessorContext<byte[], byte[]> context;

    /** {@code counted} is told of every dead letter (the metric). */
    public DeadLetterWriter(Consumer<DeadLetter> counted) {
        this.counted = counted;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, DeadLetter> record) {
        DeadLetter letter = record.value();
        LOG.warn("Dead letter: {}", letter.describe());
        counted.accept(letter);
        context.forward(new Record<>(letter.key(), letter.value(), context.currentSystemTimeMs(), letter.headers()));
    }
}
