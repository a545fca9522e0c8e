package io.valora.schemas.codec;

/**
 * Turns one Avro record into bytes and back.
 *
 * <p>Every Kafka client in Valora goes through this one small port, so the wire format is a
 * configuration choice: the default {@link SingleObjectCodec} needs no schema registry, and a
 * registry-backed codec (Apicurio, Confluent wire format) can be plugged in without touching
 * the producers, the topology or the consumers.
 *
 * @param <T> the generated Avro record type
 */
public interface RecordCodec<T> {

    /** Encodes a record; never returns {@code null}. */
    byte[] encode(T record);

    /**
     * Decodes bytes written by {@link #encode} with this or any earlier version of the schema.
     *
     * @throws org.apache.kafka.common.errors.SerializationException if the bytes are not a record
     *     of a known schema version
     */
    T decode(byte[] bytes);
}
