package io.valora.invoice.outbox;

/**
 * An unsent outbox row as the relay reads it.
 *
 * @param id      position in the outbox (publication order)
 * @param topic   full topic name
 * @param key     Kafka record key
 * @param payload encoded value, or {@code null} for a tombstone
 */
public record OutboxRow(long id, String topic, String key, byte[] payload) {
}
