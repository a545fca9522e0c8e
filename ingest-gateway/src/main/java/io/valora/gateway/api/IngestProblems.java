package io.valora.gateway.api;

import io.valora.service.problem.Problem;
import io.valora.service.problem.ProblemException;
import java.util.List;

/**
 * The problems only the gateway answers: a refused event or body, card data, too large a request,
 * and the two 503s (broker, backpressure) that tell a producer to retry. The shape and the
 * mapping are the shared ones ({@code io.valora.service.problem}).
 */
public final class IngestProblems {

    private IngestProblems() {
    }

    /** 400 for a request the client must change before retrying. */
    public static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(Problem.of("invalid-event", "Invalid usage event", 400, detail).withErrors(errors));
    }

    /** 422: the request carried what looks like a card number; it must not be sent again as is. */
    public static ProblemException cardDataRefused(List<String> errors) {
        return new ProblemException(Problem.of("card-data-refused", "Card data refused", 422,
                "The request contains what looks like a payment card number (13-19 digits passing the Luhn check). "
                        + "Valora never accepts card data; nothing was published. Remove the number before retrying.")
                .withErrors(errors));
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
