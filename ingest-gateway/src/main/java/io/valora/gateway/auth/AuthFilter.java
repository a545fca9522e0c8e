package io.valora.gateway.auth;

import io.valora.gateway.api.Problem;
import io.valora.gateway.api.ProblemMappers;
import io.valora.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} and vendor-compatible {@code /api} request before it reaches
 * a resource, checks it carries the {@code ingest} scope (every such endpoint of the gateway
 * ingests), and records the caller's tenant for it. Health, metrics and OpenAPI stay open.
 */
@ApplicationScoped
public class AuthFilter {

    /** Request property holding the authenticated tenant. */
    public static final String TENANT = "valora.tenant";

    private final ApiKeys keys;

    AuthFilter(ApiKeys keys) {
        this.keys = keys;
    }

    /** The authenticated tenant of a request that passed this filter. */
    public static String tenant(ContainerRequestContext request) {
        return (String) request.getProperty(TENANT);
    }

    /** Returns {@code null} to let the request through, or the 401/403 that ends it. */
    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.startsWith("/api/")) {
            return null;
        }
        Optional<Caller> caller = keys.authenticate(request.getHeaderString("Authorization"));
        if (caller.isEmpty()) {
            return ProblemMappers.response(Problem.of("unauthorized", "Missing or unknown API key", 401,
                    "Send 'Authorization: Bearer <api key>' with a valid, unrevoked key."));
        }
        if (!caller.get().has(Caller.INGEST)) {
            return ProblemMappers.response(Problem.of("forbidden", "Missing scope", 403,
                    "This API key lacks the 'ingest' scope needed to post usage events."));
        }
        request.setProperty(TENANT, caller.get().tenant());
        return null;
    }
}
