package io.valora.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The development key: one configured key that works before any real key exists (a laptop
 * install, {@code ./valora run}, the end-to-end test). A service turns it off in production. Only
 * the key's hash is kept, and a presented key is compared by hash in constant time, so response
 * timing says nothing about it.
 */
public final class DevKey {

    /** Public id of the development key's {@link Caller}, safe to log. */
    public static final String KEY_ID = "dev-key";

    private final byte[] keyHash;
    private final Caller caller;

    /**
     * @param key the key text clients send as {@code Authorization: Bearer <key>}; not blank
     * @param tenant the tenant it acts for; not blank
     * @param scopes the scopes it grants, e.g. {@code ingest}
     */
    public DevKey(String key, String tenant, Set<String> scopes) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenant, "tenant");
        if (key.isBlank()) {
            throw new IllegalArgumentException("the development key must not be blank when it is enabled");
        }
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("the development key's tenant must not be blank");
        }
        this.keyHash = hashBytes(key);
        this.caller = new Caller(tenant, scopes, KEY_ID);
    }

    /** The development caller if {@code presentedKey} is this key. */
    public Optional<Caller> callerFor(String presentedKey) {
        if (presentedKey == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(hashBytes(presentedKey), keyHash) ? Optional.of(caller) : Optional.empty();
    }

    /** The caller it stands for. */
    public Caller caller() {
        return caller;
    }

    /** The tenant it acts for. */
    public String tenant() {
        return caller.tenant();
    }

    private static byte[] hashBytes(String key) {
        return KeyHash.of(key).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "DevKey[tenant=" + caller.tenant() + ", scopes=" + caller.scopes() + "]";
    }
}
