package io.valora.schemas.codec;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} over a {@link RecordCodec}: how producers, Kafka Streams and consumers
 * all get the same wire format. A {@code null} value stays {@code null} (tombstones on
 * compacted topics).
 *
 * @param <T> the generated Avro record type
 */
public final class RecordSerde<T> implements Serde<T> {

    private final RecordCodec<T> codec;

    public RecordSerde(RecordCodec<T> codec) {
        this.codec = codec;
    }

    /** The default, registry-free serde for a generated record class. */
    public static <T extends org.apache.avro.specific.SpecificRecord> RecordSerde<T> singleObject(Class<T> type) {
        return new RecordSerde<>(SingleObjectCodec.of(type));
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : codec.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
    }
}
