package io.valora.invoice.auth;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, for the duration of one request: the tenant that the credential decided.
 *
 * <p>Why it exists: resources read the tenant from here and nowhere else, so no request
 * parameter or body field can choose a tenant.
 */
@RequestScoped
public class Caller {

    private String tenant;

    /** The authenticated tenant. */
    public String tenant() {
        if (tenant == null) {
            throw new IllegalStateException("no authenticated caller: the request did not pass BearerAuthFilter");
        }
        return tenant;
    }

    void authenticate(String tenant) {
        this.tenant = tenant;
    }
}
