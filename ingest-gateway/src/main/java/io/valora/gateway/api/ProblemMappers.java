package io.valora.gateway.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem details: our own {@link ProblemException}s, framework errors
 * (unsupported media type, unknown path) and, as a last resort, unexpected exceptions, which are
 * logged and answered 500 without leaking internals.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String PROBLEM_JSON = "application/problem+json";

    /** The response for a problem. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(PROBLEM_JSON).entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.status(status).type(PROBLEM_JSON)
                .entity(Problem.of("http-" + status, reason, status, e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while handling a request", e);
        return Response.status(500).type(PROBLEM_JSON)
                .entity(Problem.of("internal", "Internal error", 500, "The gateway failed unexpectedly; the event was not accepted. Retry later.")).build();
    }
}
