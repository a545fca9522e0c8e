package io.valora.rating.deadletter;

/**
 * A record value as read from a topic: the decoded value, or why it could not be decoded, always with
 * the bytes it came from.
 *
 * <p>Why it exists: a value that fails to decode in a source's deserializer never reaches a processor,
 * and Kafka Streams 4.1 can then only skip it or stop. Decoding into this instead lets the first
 * processor send an undecodable record to the dead-letter topic, inside the same transaction as
 * everything else, and lets the event-time extractor still read the decoded value.
 *
 * @param value the decoded value; {@code null} when decoding failed or the record is a tombstone
 * @param raw the value's bytes as read; {@code null} for a tombstone
 * @param failure why decoding failed, or {@code null}
 * @param <T> the value type
 */
public record Decoded<T>(T value, byte[] raw, RuntimeException failure) {

    /** True when the bytes could not be decoded. */
    public boolean failed() {
        return failure != null;
    }
}
