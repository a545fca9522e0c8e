package io.valora.auth;

import java.util.Objects;
import java.util.Set;

/**
 * The development key: one configured key that works before any real key exists (a laptop
 * install, {@code ./valora run}, the end-to-end test). A service turns it off in production; only
 * its hash is kept once an {@link ApiKeyAuthenticator} is built from it.
 *
 * @param key the key text clients send as {@code Authorization: Bearer <key>}; not blank
 * @param tenant the tenant it acts for
 * @param scopes the scopes it grants, e.g. {@code ingest}
 */
public record DevKey(String key, String tenant, Set<String> scopes) {

    /** Public id of the development key's {@link Caller}, safe to log. */
    public static final String KEY_ID = "dev-key";

    public DevKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenant, "tenant");
        if (key.isBlank()) {
            throw new IllegalArgumentException("the development key must not be blank when it is enabled");
        }
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "DevKey[tenant=" + tenant + ", scopes=" + scopes + "]";
    }
}
