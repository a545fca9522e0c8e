package io.valora.service.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who calls, for the duration of one request, as Quarkus Security decided from the credential:
 * the tenant every read and write is scoped to and the key's public id. Resources read the tenant
 * here and nowhere else, so no request parameter or body field can choose a tenant; the scope a
 * method needs is stated with {@code @RolesAllowed} on it.
 */
@RequestScoped
public class AuthenticatedCaller {

    private final SecurityIdentity identity;

    public AuthenticatedCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The authenticated tenant. */
    public String tenant() {
        return CallerIdentity.tenant(identity);
    }

    /** The public id of the key in use (safe to log). */
    public String keyId() {
        return identity.getPrincipal().getName();
    }
}
