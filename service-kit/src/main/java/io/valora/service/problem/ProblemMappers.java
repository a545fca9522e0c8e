package io.valora.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.valora.auth.Roles;
import io.valora.service.auth.ApiKeysUnavailableException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The problem answers every service gives alike: {@link ProblemException}s, authentication (401)
 * and authorization (403) failures from Quarkus Security, framework errors (unknown path,
 * unsupported media type, malformed JSON) and, as a last resort, unexpected exceptions, which are
 * logged and answered 500 without internals. A service maps its own domain exceptions beside these.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String CHALLENGE = "Bearer realm=\"valora\"";
    /** The detail of a 401 for a key that is unknown or revoked (the same words whichever it is). */
    public static final String UNKNOWN_KEY = "The API key is not valid. Send 'Authorization: Bearer <api key>' with a valid, unrevoked key.";

    /** The response for a problem. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    /** A credential was presented and refused; the message says why (never echoing the credential). */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(e.getMessage() == null || e.getMessage().isBlank() ? UNKNOWN_KEY : e.getMessage());
    }

    /** The api-keys reader stopped: fail closed, and say it is on our side. */
    @ServerExceptionMapper
    public Response keysUnavailable(ApiKeysUnavailableException e) {
        return Response.fromResponse(response(Problem.of("api-keys-unavailable", "API keys unavailable", 503,
                "The service cannot check API keys right now, so it accepts none; nothing was done. Retry later.")))
                .header("Retry-After", 5).build();
    }

    /** No credential at all on an endpoint that needs one. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, SimpleResourceInfo resource) {
        return unauthorized(rolesOf(resource).contains("'" + Roles.OPERATOR + "'")
                ? "Send the header 'Authorization: Bearer <operator token>'."
                : "Send 'Authorization: Bearer <api key>' with a valid, unrevoked key.");
    }

    /** A valid credential without the role the endpoint needs; names the roles that would do. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        String needed = rolesOf(resource);
        return response(Problem.of("forbidden", "Missing scope", 403, needed.isEmpty()
                ? "This credential may not call this endpoint."
                : "This API key lacks the scope this endpoint needs (" + needed + "); use a key created with it."));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return response(Problem.of("malformed-json", "Malformed JSON", 400,
                "The request body is not the expected JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return response(Problem.of("http-" + status, reason, status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while handling a request", e);
        return response(Problem.of("internal", "Internal error", 500,
                "The request failed unexpectedly; it has been logged. Retry later."));
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(response(Problem.of("unauthorized", "Missing or unknown API key", 401, detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    private static String rolesOf(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "";
        }
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
            if (roles == null) {
                roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            return roles == null ? "" : Arrays.stream(roles.value()).map(r -> "'" + r + "'").collect(Collectors.joining(" or "));
        } catch (NoSuchMethodException e) {
            return "";
        }
    }
}
