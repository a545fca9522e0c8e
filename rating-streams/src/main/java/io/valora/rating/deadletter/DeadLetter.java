package io.valora.rating.deadletter;

import io.valora.schemas.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * A record rating could not process, on its way to the dead-letter topic: its original key and value
 * bytes, where it was read and what failed (headers of {@link DeadLetterHeaders}).
 *
 * <p>Why it exists: invariant 6 (blast radius of one). A record that makes a processor throw is set
 * aside here, visibly, instead of stopping rating for every tenant on the partition, and an operator
 * can find it by topic, partition and offset.
 *
 * @param stage the processor or updater that failed (header {@link DeadLetterHeaders#STAGE}, metric tag)
 * @param source topic, partition and offset of the record being processed; empty when unknown
 * @param key the record's key bytes ({@code null} for none)
 * @param value the record's value bytes ({@code null} for none)
 * @param error what was thrown
 */
public record DeadLetter(String stage, Optional<RecordMetadata> source, byte[] key, byte[] value, Throwable error) {

    /** The service name in {@link DeadLetterHeaders#SERVICE}. */
    public static final String SERVICE = "rating-streams";

    /**
     * Rethrows what must stop a stream thread rather than be set aside: Kafka's own exceptions (a
     * fenced producer, a migrated task, a store that failed) are about the client, not the record, and
     * Kafka Streams must see them to keep exactly-once. (A sink's serialization failure reaches a
     * processor wrapped in a {@code StreamsException}, so it stops the thread too.)
     */
    public static void rethrowIfKafkas(RuntimeException e) {
        // a codec's SerializationException is about the record (a bad embedded value), so it is set aside
        if (e instanceof KafkaException && !(e instanceof SerializationException)) {
            throw e;
        }
    }

    /** A text key as UTF-8 bytes (rating reads keys as strings, so that is how they were written). */
    public static byte[] keyBytes(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /** The headers of {@link DeadLetterHeaders}. */
    public Headers headers() {
        Headers headers = DeadLetterHeaders.write(new RecordHeaders(), source.map(RecordMetadata::topic).orElse(""),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L), error, SERVICE);
        DeadLetterHeaders.put(headers, DeadLetterHeaders.STAGE, stage);
        return headers;
    }

    /** The exception's message, cut to the header bound; empty when it has none. */
    public String message() {
        return DeadLetterHeaders.message(error);
    }

    /** For logs: where and what, never the payload. */
    public String describe() {
        return stage + " failed on " + source.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("(no source record)")
                + ": " + error.getClass().getName() + ": " + message();
    }
}
