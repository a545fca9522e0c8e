package io.valora.invoice.auth;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated credential: the tenant it acts for, its scopes and the key id (for logs and
 * audit; never the key).
 *
 * @param tenant the tenant every request with this credential is scoped to
 * @param scopes granted scopes
 * @param keyId  public id of the API key, or {@code dev} for the development key
 */
public record Principal(String tenant, Set<Scope> scopes, String keyId) {

    /** All parts are required; the scopes are copied. */
    public Principal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(keyId, "keyId");
        scopes = Set.copyOf(scopes);
    }
}
