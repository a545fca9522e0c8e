package io.valora.invoice.auth;

import io.valora.invoice.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, for the duration of one request: the tenant and scopes that the credential
 * decided.
 *
 * <p>Why it exists: resources read the tenant from here and nowhere else, so no request
 * parameter or body field can choose a tenant; and they state the scope they need with
 * {@link #require(Scope)}.
 */
@RequestScoped
public class Caller {

    private Principal principal;

    /** The authenticated tenant. */
    public String tenant() {
        return principal().tenant();
    }

    /** The authenticated tenant, after checking that the credential holds {@code scope} (403 otherwise). */
    public String require(Scope scope) {
        if (!principal().scopes().contains(scope)) {
            throw ProblemException.forbidden("This API key lacks the '" + scope.code()
                    + "' scope; use a key created with it.");
        }
        return principal.tenant();
    }

    /** The public id of the key in use. */
    public String keyId() {
        return principal().keyId();
    }

    private Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("no authenticated caller: the request did not pass BearerAuthFilter");
        }
        return principal;
    }

    void authenticate(Principal principal) {
        this.principal = principal;
    }
}
