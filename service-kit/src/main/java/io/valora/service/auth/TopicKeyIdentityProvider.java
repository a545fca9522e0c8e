package io.valora.service.auth;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.valora.auth.KeyHash;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * API keys from the {@code api-keys} topic: a lookup by the key's hash in memory, so it answers on
 * the event loop without blocking. Revoked keys are not in the registry, so they stand for nobody;
 * while the reader is stopped every topic key is refused with 503 (fail closed).
 */
@ApplicationScoped
@IfBuildProperty(name = "valora.auth.key-source", stringValue = "topic", enableIfMissing = true)
public class TopicKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final TopicApiKeys keys;

    TopicKeyIdentityProvider(TopicApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        if (keys.failure().isPresent()) {
            // Fail closed: a reader that stopped cannot see revocations, so no key it knows is trusted.
            return Uni.createFrom().failure(new ApiKeysUnavailableException(keys.failure().get()));
        }
        return Uni.createFrom().item(keys.registry().find(KeyHash.of(request.key())).map(CallerIdentity::of).orElse(null));
    }

    /** Real keys before the development key. */
    @Override
    public int priority() {
        return SYSTEM_FIRST / 2;
    }
}
