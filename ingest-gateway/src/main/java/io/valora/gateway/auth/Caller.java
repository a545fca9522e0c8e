package io.valora.gateway.auth;

import java.util.Set;

/**
 * Who is calling, as decided by the API key alone: the tenant every write is scoped to, and the
 * scopes the key grants.
 *
 * @param tenant the tenant the key belongs to
 * @param scopes granted scopes, e.g. {@code ingest}
 * @param keyId the key's public id, safe to log
 */
public record Caller(String tenant, Set<String> scopes, String keyId) {

    /** Scope needed to post usage events. */
    public static final String INGEST = "ingest";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
