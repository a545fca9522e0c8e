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

    /** 422: the request carried what looks like a card number; it must not be sent again as is. */
    public static ProblemException cardDataRefused(List<String> errors) {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "card-data-refused", "Card data refused", 422,
                "The request contains what looks like a payment card number (13-19 digits passing the Luhn check). "
                        + "Valora never accepts card data; nothing was published. Remove the number before retrying.",
                errors));
    }

    /** 413: too many events or bytes in one request. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of("request-too-large", "Request too large", 413, detail));
    }

    /** 503 with Retry-After: the broker did not acknowledge in time; nothing was accepted. */
    public static ProblemException brokerUnavailable(String reason, int retryAfterSeconds) {
        return new ProblemException(Problem.of("broker-unavailable", "Events not accepted", 503,
                "Kafka did not acknowledge the events (" + reason + "). Nothing was accepted; retry later."), retryAfterSeconds);
    }

    /** 503 with Retry-After: too many request bytes in flight (backpressure); nothing was accepted. */
    public static ProblemException busy(int retryAfterSeconds) {
        return new ProblemException(Problem.of("gateway-busy", "Gateway busy", 503,
                "The gateway is at its in-flight limit. Nothing was accepted; retry after the indicated delay."), retryAfterSeconds);
    }
}
