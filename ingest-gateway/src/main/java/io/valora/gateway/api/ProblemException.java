package io.valora.gateway.api;

import java.util.List;

/**
 * Thrown anywhere in request handling to answer with a {@link Problem}; the mapper turns it into
 * an {@code application/problem+json} response, optionally with a {@code Retry-After} header.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 400 for a request the client must change before retrying. */
    public static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "invalid-event", "Invalid usage event", 400, detail, errors));
    }
}
