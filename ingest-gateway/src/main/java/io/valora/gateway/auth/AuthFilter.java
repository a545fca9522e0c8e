package io.valora.gateway.auth;

import io.valora.gateway.api.Problem;
import io.valora.gateway.api.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every {@code /v1} and vendor-compatible {@code /api} request before it reaches
 * a resource, and records the caller's tenant for it. Health, metrics and OpenAPI stay open.
 */
@ApplicationScoped
public class AuthFilter {

    /** Request property holding the authenticated tenant. */
    public static final String TENANT = "valora.tenant";

    private final ApiKeyAuthenticator authenticator;

    /** The authenticated tenant of a request that passed this filter. */
    public static String tenant(ContainerRequestContext request) {
        return (String) request.getProperty(TENANT);
    }

    AuthFilter(DevApiKey config) {
        this.authenticator = new ApiKeyAuthenticator(config.key(), config.tenant());
    }

    /** Returns {@code null} to let the request through, or the 401 that ends it. */
    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v1/") && !path.startsWith("/api/")) {
            return null;
        }
        Optional<String> tenant = authenticator.tenantFor(request.getHeaderString("Authorization"));
        if (tenant.isEmpty()) {
            return ProblemMappers.response(Problem.of("unauthorized", "Missing or unknown API key", 401,
                    "Send 'Authorization: Bearer <api key>' with a valid key."));
        }
        request.setProperty(TENANT, tenant.get());
        return null;
    }
}
