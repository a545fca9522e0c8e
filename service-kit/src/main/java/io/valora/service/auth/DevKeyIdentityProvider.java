package io.valora.service.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.valora.auth.DevKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The development key ({@code valora.auth.dev-key}) as an identity provider: asked after the real
 * keys (a real key with the same text wins), it stands for {@code dev-tenant} with
 * {@code dev-key-scopes}. It exists so a laptop install and the end-to-end run work before any
 * tenant or key was created; production turns it off.
 */
@ApplicationScoped
public class DevKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private static final Logger LOG = Logger.getLogger(DevKeyIdentityProvider.class);

    private final Optional<DevKey> devKey;
    private final SecurityIdentity identity;

    DevKeyIdentityProvider(AuthSettings settings) {
        this.devKey = settings.devKey().filter(k -> !k.isBlank())
                .map(k -> new DevKey(k, settings.devTenant(), settings.devKeyScopes()));
        this.identity = devKey.map(k -> CallerIdentity.of(k.caller())).orElse(null);
        devKey.ifPresentOrElse(
                k -> LOG.warnf("The development API key is enabled for tenant %s with scopes %s (local profile); never in "
                        + "production", k.tenant(), settings.devKeyScopes()),
                () -> LOG.debug("No development API key"));
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(devKey.flatMap(k -> k.callerFor(request.key())).map(c -> identity).orElse(null));
    }

    /** After the real keys' providers. */
    @Override
    public int priority() {
        return SYSTEM_LAST;
    }
}
