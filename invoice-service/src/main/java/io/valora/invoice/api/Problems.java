package io.valora.invoice.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds problem responses.
 *
 * <p>Why it exists: the type URI prefix and the media type are decided once.
 */
public final class Problems {

    /** Prefix of every problem type URI. */
    public static final String TYPE_PREFIX = "https://valora.dev/problems/";
    /** RFC 9457 media type. */
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {
    }

    /** A response whose body is the problem {@code name} with this title and detail. */
    public static Response response(Response.StatusType status, String name, String title, String detail) {
        return response(status.getStatusCode(), name, title, detail);
    }

    /** A response whose body is the problem {@code name} with this title and detail. */
    public static Response response(int status, String name, String title, String detail) {
        return response(status, name, title, detail, null);
    }

    /** A response whose body is the problem {@code name} with per-field errors (null = none). */
    public static Response response(int status, String name, String title, String detail,
                                    java.util.List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(new Problem(TYPE_PREFIX + name, title, status, detail, errors))
                .build();
    }
}
