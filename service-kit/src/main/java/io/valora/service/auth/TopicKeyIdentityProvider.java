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
    /** One identity per key hash, reused while the registry holds the same caller for it (every request of a producer). */
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> identities = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(io.valora.auth.Caller caller, SecurityIdentity identity) {
    }

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
        String hash = KeyHash.of(request.key());
        return Uni.createFrom().item(keys.registry().find(hash).map(caller -> identityOf(hash, caller)).orElse(null));
    }

    private SecurityIdentity identityOf(String hash, io.valora.auth.Caller caller) {
        Cached cached = identities.get(hash);
        if (cached != null && cached.caller() == caller) {
            return cached.identity();
        }
        SecurityIdentity identity = CallerIdentity.of(caller);
        identities.put(hash, new Cached(caller, identity));
        return identity;
    }

    /** Real keys before the development key. */
    @Override
    public int priority() {
        return SYSTEM_FIRST / 2;
    }
}
