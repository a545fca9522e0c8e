package io.valora.service.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.valora.auth.Caller;

/**
 * The Quarkus Security form of a {@link Caller}: principal = the key's public id, roles = its
 * scopes, and the tenant as an attribute. It exists so every identity provider builds identities
 * the same way and every resource reads the tenant from the identity, never from the request.
 */
public final class CallerIdentity {

    /** Attribute holding the authenticated tenant. */
    public static final String TENANT = "valora.tenant";

    private CallerIdentity() {
    }

    /** The identity of an API-key caller. */
    public static SecurityIdentity of(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.keyId()))
                .addRoles(caller.scopes())
                .addAttribute(TENANT, caller.tenant())
                .build();
    }

    /** The tenant of an authenticated API-key identity. */
    public static String tenant(SecurityIdentity identity) {
        Object tenant = identity.getAttribute(TENANT);
        if (!(tenant instanceof String t)) {
            // Only reachable if a resource method that reads a tenant lacks @RolesAllowed for a key scope.
            throw new IllegalStateException("no authenticated tenant: the endpoint is not guarded by an API-key role");
        }
        return t;
    }
}
