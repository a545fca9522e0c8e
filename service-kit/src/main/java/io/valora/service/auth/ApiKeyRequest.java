package io.valora.service.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A presented API key, handed by {@link BearerKeyMechanism} to the identity providers (topic-fed
 * keys, database keys, the development key). Its {@code toString} never shows the key.
 */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    /** The key text as presented. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeyRequest[***]";
    }
}
