package io.valora.invoice.auth;

import io.valora.invoice.api.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <key>} on every {@code /v1} request and records the
 * key's tenant in {@link Caller}; anything else is answered with a 401 problem.
 *
 * <p>Why it exists: authentication happens once, before any resource runs, so a resource
 * cannot forget it.
 */
public class BearerAuthFilter {

    private static final String SCHEME = "Bearer ";

    private final DevApiKey keys;
    private final Caller caller;

    BearerAuthFilter(DevApiKey keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @ServerRequestFilter
    Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/v1") && !path.startsWith("/v1/")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.of(unauthorized("Send the header 'Authorization: Bearer <api key>'."));
        }
        Optional<String> tenant = keys.tenantFor(header.substring(SCHEME.length()).strip());
        if (tenant.isEmpty()) {
            return Optional.of(unauthorized("The API key is not valid."));
        }
        caller.authenticate(tenant.get());
        return Optional.empty();
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.response(Response.Status.UNAUTHORIZED, "unauthorized",
                        "Authentication required", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valora\"")
                .build();
    }
}
