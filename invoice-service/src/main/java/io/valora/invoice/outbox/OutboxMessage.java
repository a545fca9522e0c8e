package io.valora.invoice.outbox;

import java.util.Objects;

/**
 * One record to publish: topic, Kafka key and encoded value ({@code null} = tombstone).
 *
 * @param tenant  the tenant whose change it announces (for row-level security and audit)
 * @param topic   full topic name, prefix included
 * @param key     the Kafka record key
 * @param payload the encoded value, or {@code null} for a tombstone
 */
public record OutboxMessage(String tenant, String topic, String key, byte[] payload) {

    /** Tenant, topic and key are required. */
    public OutboxMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
    }
}
