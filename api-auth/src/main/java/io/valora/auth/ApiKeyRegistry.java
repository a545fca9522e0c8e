package io.valora.auth;

import io.valora.schemas.ApiKey;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's view of the {@code api-keys} topic: key hash → the key's latest state. Revoked keys
 * and tombstones are dropped, so a lookup can only find keys that work. It is separate from the
 * reader so a lookup is a plain concurrent-map read on the request path.
 *
 * <p>Revocation is terminal: once a hash was revoked or deleted (tombstone), no later record makes
 * it active again. Records of one key can be read out of order (partitions added to the topic move
 * a key to another partition, and the reader reads partitions side by side), so an older "active"
 * record applied after the revocation must not bring a revoked key back.
 *
 * <p>Lookups are by hash: comparing hashes leaks nothing useful about the key itself, so a plain
 * map lookup is safe against timing attacks.
 */
public final class ApiKeyRegistry {

    private final Map<String, Caller> active = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    /** Applies one record of the topic; {@code key == null} is a tombstone. */
    public void apply(String keyHash, ApiKey key) {
        if (keyHash == null) {
            return;
        }
        if (key == null || key.getRevoked()) {
            revoked.add(keyHash);
            active.remove(keyHash);
            return;
        }
        if (!keyHash.equals(key.getKeyHash()) || revoked.contains(keyHash)) {
            active.remove(keyHash);
            return;
        }
        Set<String> scopes = new HashSet<>();
        key.getScopes().forEach(s -> scopes.add(s.toString()));
        active.put(keyHash, new Caller(key.getTenant(), scopes, key.getKeyId()));
    }

    /**
     * Stops accepting a key without making that final: for a record that could not be read, whose
     * key should not work until a readable record says what it is.
     */
    public void forget(String keyHash) {
        if (keyHash != null) {
            active.remove(keyHash);
        }
    }

    /** The caller of an active key with this hash. */
    public Optional<Caller> find(String keyHash) {
        return Optional.ofNullable(active.get(keyHash));
    }

    /** How many keys are active. */
    public int size() {
        return active.size();
    }
}
