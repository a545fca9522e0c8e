package io.valora.service.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.valora.auth.BearerToken;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The one way Valora's services read a credential: {@code Authorization: Bearer <token>}. On the
 * operator path (if the service has one) the token is an {@link OperatorTokenRequest}, everywhere
 * else an {@link ApiKeyRequest}; the identity providers decide who it is. No header means no
 * identity (anonymous), which {@code @RolesAllowed} answers with 401.
 *
 * <p>Authentication is lazy ({@code quarkus.http.auth.proactive=false}): it runs when an endpoint's
 * {@code @RolesAllowed} needs it, so health, metrics and OpenAPI cost nothing and refusals reach
 * the problem-details mappers.
 */
@ApplicationScoped
public class BearerKeyMechanism implements HttpAuthenticationMechanism {

    private static final ChallengeData CHALLENGE = new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"valora\"");

    private final Optional<String> operatorPath;

    BearerKeyMechanism(AuthSettings settings) {
        this.operatorPath = settings.operatorPath().map(String::strip).filter(p -> !p.isEmpty());
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> token = BearerToken.of(context.request().getHeader("Authorization"));
        if (token.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        AuthenticationRequest request = isOperatorPath(context.normalizedPath())
                ? new OperatorTokenRequest(token.get()) : new ApiKeyRequest(token.get());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identities.authenticate(request);
    }

    private boolean isOperatorPath(String path) {
        if (operatorPath.isEmpty() || path == null) {
            return false;
        }
        String prefix = operatorPath.get();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class, OperatorTokenRequest.class);
    }
}
