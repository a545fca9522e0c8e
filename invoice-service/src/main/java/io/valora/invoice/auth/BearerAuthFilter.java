package io.valora.invoice.auth;

import io.valora.invoice.api.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <credential>} on every {@code /v1} request: the operator
 * token on {@code /v1/operator/...}, an API key everywhere else (recording its tenant and scopes
 * in {@link Caller}). Anything else is answered with a 401 problem.
 *
 * <p>Why it exists: authentication happens once, before any resource runs, so a resource
 * cannot forget it; and an API key can never reach an operator endpoint, nor the operator token
 * a tenant's data.
 */
public class BearerAuthFilter {

    /** Path prefix of the operator endpoints. */
    public static final String OPERATOR_PATH = "/v1/operator";

    private static final String SCHEME = "Bearer ";

    private final ApiKeyAuthenticator keys;
    private final OperatorToken operator;
    private final Caller caller;

    BearerAuthFilter(ApiKeyAuthenticator keys, OperatorToken operator, Caller caller) {
        this.keys = keys;
        this.operator = operator;
        this.caller = caller;
    }

    @ServerRequestFilter
    Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/v1") && !path.startsWith("/v1/")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean operatorPath = path.equals(OPERATOR_PATH) || path.startsWith(OPERATOR_PATH + "/");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.of(unauthorized("Send the header 'Authorization: Bearer <"
                    + (operatorPath ? "operator token" : "api key") + ">'."));
        }
        String credential = header.substring(SCHEME.length()).strip();
        if (operatorPath) {
            if (!operator.enabled()) {
                return Optional.of(unauthorized("The operator endpoints are disabled: set valora.operator.token "
                        + "(or valora.operator.token-sha256) to enable them."));
            }
            return operator.matches(credential) ? Optional.empty()
                    : Optional.of(unauthorized("The operator token is not valid."));
        }
        Optional<Principal> principal = keys.authenticate(credential);
        if (principal.isEmpty()) {
            return Optional.of(unauthorized("The API key is not valid."));
        }
        caller.authenticate(principal.get());
        return Optional.empty();
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.response(Response.Status.UNAUTHORIZED, "unauthorized",
                        "Authentication required", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"valora\"")
                .build();
    }
}
