package io.valora.rating.app;

import io.valora.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} request by its {@code Authorization: Bearer} key ({@link ApiKeys})
 * and records the key's tenant, which scopes every query: the tenant never comes from the request
 * itself. A key needs scope {@code read} or {@code admin}. Health, metrics and OpenAPI stay open.
 */
@ApplicationScoped
public class ApiKeyFilter {

    /** Request property holding the authenticated tenant. */
    static final String TENANT = "valora.tenant";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    /** Returns {@code null} to let the request through, or the 401/403 that ends it. */
    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/")) {
            return null;
        }
        Optional<Caller> caller = keys.authenticate(request.getHeaderString("Authorization"));
        if (caller.isEmpty()) {
            return Problems.response(401, "unauthorized", "Missing or unknown API key",
                    "Send 'Authorization: Bearer <api key>' with a valid key.");
        }
        if (ApiKeys.READ_SCOPES.stream().noneMatch(caller.get()::has)) {
            return Problems.response(403, "forbidden", "The API key may not read usage",
                    "Use a key with scope 'read' or 'admin'.");
        }
        request.setProperty(TENANT, caller.get().tenant());
        return null;
    }
}
