package io.valora.rating.deadletter;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Wraps a value serde so that reading never throws: every record becomes a {@link Decoded}, carrying
 * either the value or the decoding failure, and the original bytes.
 *
 * <p>Why: a deserializer that throws inside Kafka Streams 4.1 leaves only "skip" or "stop" (its
 * deserialization handler cannot write a dead letter under exactly-once). Rating reads its input and
 * catalog topics through this, and the first processor routes a failure to the dead-letter topic.
 * Writing is the wrapped serde's, of the plain value.
 *
 * @param <T> the value type
 */
public final class DecodingSerde<T> implements Serde<Decoded<T>> {

    private final Serde<T> values;

    public DecodingSerde(Serde<T> values) {
        this.values = values;
    }

    @Override
    public Serializer<Decoded<T>> serializer() {
        Serializer<T> inner = values.serializer();
        return (topic, decoded) -> decoded == null ? null : decoded.raw() != null ? decoded.raw() : inner.serialize(topic, decoded.value());
    }

    @Override
    public Deserializer<Decoded<T>> deserializer() {
        Deserializer<T> inner = values.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return new Decoded<>(null, null, null);
            }
            try {
                return new Decoded<>(inner.deserialize(topic, bytes), bytes, null);
            } catch (RuntimeException e) {
                return new Decoded<>(null, bytes, e);
            }
        };
    }
}
