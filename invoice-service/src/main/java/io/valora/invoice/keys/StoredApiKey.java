package io.valora.invoice.keys;

import io.valora.auth.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as stored: everything but the key text.
 *
 * @param id        public id
 * @param tenant    the tenant it acts for
 * @param keyHash   lower-case hex SHA-256 of the key text
 * @param name      a label chosen by the tenant
 * @param scopes    granted scopes
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, if it was
 */
public record StoredApiKey(String id, String tenant, String keyHash, String name, Set<Scope> scopes,
                           Instant createdAt, Optional<Instant> revokedAt) {

    /** Copies the scopes. */
    public StoredApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the key has been revoked. */
    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
