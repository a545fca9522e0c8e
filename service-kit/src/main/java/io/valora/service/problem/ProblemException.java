package io.valora.service.problem;

import java.util.List;

/**
 * Thrown anywhere in request handling to answer with a {@link Problem}; {@link ProblemMappers}
 * turns it into an {@code application/problem+json} response, with {@code Retry-After} when set.
 * The factories name the kinds every service answers; a service adds its own kinds beside them.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** Seconds a client should wait before retrying, or null when the header is not sent. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 400: the request cannot be used as sent; {@code detail} says what to change. */
    public static ProblemException badRequest(String name, String detail) {
        return new ProblemException(Problem.of(name, "Invalid request", 400, detail));
    }

    /** 404: nothing with this id exists for the caller's tenant. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, "No " + what + " with id '" + id + "'."));
    }

    /** 403: the credential is valid but lacks what the request needs. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }

    /** 409: the request conflicts with the current state ({@code name} says which conflict). */
    public static ProblemException conflict(String name, String title, String detail) {
        return new ProblemException(Problem.of(name, title, 409, detail));
    }

    /** 422: the request is well-formed but refused ({@code name} says why). */
    public static ProblemException unprocessable(String name, String title, String detail) {
        return new ProblemException(Problem.of(name, title, 422, detail));
    }

    /** 422 with the fields of the body that are invalid ({@code name} says which kind of body). */
    public static ProblemException invalidFields(String name, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(name, "Invalid fields", 422, detail).withErrors(errors));
    }
}
