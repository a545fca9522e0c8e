package io.valora.gateway.api;

import io.valora.gateway.ingest.IngestRefusedException;
import io.valora.service.problem.Problem;
import io.valora.service.problem.ProblemException;
import io.valora.service.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problems only the gateway answers: each {@link IngestRefusedException.Reason} the ingest path
 * raises (a refused event or body, card data, too large a request, and the two 503s - broker,
 * backpressure - that tell a producer to retry) as its problem-details answer. The ingest path knows
 * nothing of HTTP; the status, type, wording and {@code Retry-After} live here. The shape and the
 * response are the shared ones ({@code io.valora.service.problem}).
 */
public final class IngestProblems {

    /** Seconds a producer waits after a busy answer: the in-flight budget frees as fast as the broker acks. */
    static final int BUSY_RETRY_AFTER_SECONDS = 1;
    /** Seconds a producer waits after the broker did not acknowledge. */
    static final int BROKER_RETRY_AFTER_SECONDS = 5;

    private static final ProblemMappers SHARED = new ProblemMappers();

    /** The answer to a refusal from anywhere in the ingest path, whichever endpoint it came through. */
    @ServerExceptionMapper
    public Response refused(IngestRefusedException refusal) {
        return SHARED.problem(of(refusal));
    }

    /** The problem a refusal is answered with. */
    public static ProblemException of(IngestRefusedException refusal) {
        return switch (refusal.reason()) {
            case INVALID -> invalid(refusal.getMessage(), refusal.errors());
            case CARD_DATA -> cardDataRefused(refusal.errors());
            case TOO_LARGE -> tooLarge(refusal.getMessage());
            case BUSY -> busy(BUSY_RETRY_AFTER_SECONDS);
            case BROKER_UNAVAILABLE -> brokerUnavailable(refusal.getMessage(), BROKER_RETRY_AFTER_SECONDS);
        };
    }

    /** 400 for a request the client must change before retrying. */
    private static ProblemException invalid(String detail, List<String> errors) {
        return new ProblemException(Problem.of("invalid-event", "Invalid usage event", 400, detail).withErrors(errors));
    }

    /** 422: the request carried what looks like a card number; it must not be sent again as is. */
    private static ProblemException cardDataRefused(List<String> errors) {
        return new ProblemException(Problem.of("card-data-refused", "Card data refused", 422,
                "The request contains what looks like a payment card number (13-19 digits passing the Luhn check). "
                        + "Valora never accepts card data; nothing was published. Remove the number before retrying.")
                .withErrors(errors));
    }

    /** 413: too many events or bytes in one request. */
    private static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of("request-too-large", "Request too large", 413, detail));
    }

    /** 503 with Retry-After: the broker did not acknowledge in time; nothing was accepted. */
    private static ProblemException brokerUnavailable(String reason, int retryAfterSeconds) {
        return new ProblemException(Problem.of("broker-unavailable", "Events not accepted", 503,
                "Kafka did not acknowledge the events (" + reason + "). Nothing was accepted; retry later."), retryAfterSeconds);
    }

    /** 503 with Retry-After: too many request bytes in flight (backpressure); nothing was accepted. */
    private static ProblemException busy(int retryAfterSeconds) {
        return new ProblemException(Problem.of("gateway-busy", "Gateway busy", 503,
                "The gateway is at its in-flight limit. Nothing was accepted; retry after the indicated delay."), retryAfterSeconds);
    }
}
