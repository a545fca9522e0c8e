package io.valora.invoice.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.valora.auth.Roles;
import io.valora.service.auth.OperatorTokenRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The operator token on the operator path: an identity with the {@code operator} role and no
 * tenant, so it can create tenants and never read one. A wrong token, or none configured, is a
 * 401 that says which.
 */
@ApplicationScoped
public class OperatorIdentityProvider implements IdentityProvider<OperatorTokenRequest> {

    private static final SecurityIdentity OPERATOR = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("operator")).addRole(Roles.OPERATOR).build();

    private final OperatorToken token;

    OperatorIdentityProvider(OperatorToken token) {
        this.token = token;
    }

    @Override
    public Class<OperatorTokenRequest> getRequestType() {
        return OperatorTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(OperatorTokenRequest request, AuthenticationRequestContext context) {
        if (!token.enabled()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The operator endpoints are disabled: set "
                    + "valora.operator.token (or valora.operator.token-sha256) to enable them."));
        }
        return token.matches(request.token()) ? Uni.createFrom().item(OPERATOR)
                : Uni.createFrom().failure(new AuthenticationFailedException("The operator token is not valid."));
    }
}
