package io.valora.invoice.keys;

import io.valora.auth.Scope;
import io.valora.invoice.outbox.OutboxMessage;
import io.valora.schemas.ApiKey;
import io.valora.schemas.codec.RecordSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Avro {@link ApiKey} record of a stored key, as published on the compacted api-keys topic
 * (Kafka key = key hash, so the latest record per key is its state).
 *
 * <p>Why it exists: the gateway and rating-streams authenticate from this topic; the mapping is
 * in one place so creation and revocation publish the same shape.
 */
public final class ApiKeyRecords {

    private static final Serializer<ApiKey> SERIALIZER = RecordSerde.singleObject(ApiKey.class).serializer();

    private ApiKeyRecords() {
    }

    /** The record of {@code key}. */
    public static ApiKey of(StoredApiKey key) {
        List<String> scopes = key.scopes().stream().sorted().map(Scope::code).toList();
        return ApiKey.newBuilder()
                .setKeyHash(key.keyHash())
                .setKeyId(key.id())
                .setTenant(key.tenant())
                .setScopes(scopes)
                .setRevoked(key.revoked())
                .setCreatedAt(key.createdAt())
                .setRevokedAt(key.revokedAt().orElse(null))
                .build();
    }

    /** The outbox message that publishes {@code key}'s current state on {@code topic}. */
    public static OutboxMessage message(String topic, StoredApiKey key) {
        return new OutboxMessage(key.tenant(), topic, key.keyHash(), SERIALIZER.serialize(topic, of(key)));
    }
}
