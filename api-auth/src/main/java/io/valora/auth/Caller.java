package io.valora.auth;

import java.util.Set;

/**
 * Who is calling, as decided by the API key alone: the tenant every read and write is scoped to,
 * and the scopes the key grants. It exists so no service ever takes a tenant from a request body.
 *
 * @param tenant the tenant the key belongs to
 * @param scopes granted scopes, e.g. {@code ingest}
 * @param keyId the key's public id, safe to log (never the key or its hash)
 */
public record Caller(String tenant, Set<String> scopes, String keyId) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** True if the key grants {@code scope}. */
    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
