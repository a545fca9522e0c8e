package io.valora.gateway.ingest;

import java.util.List;

/**
 * The ingest path refused a request, and nothing of it was published. Raised where the refusal is
 * found (limits, card data, validation, a mapping, the broker), in ingest terms only: the API layer
 * ({@code api.IngestProblems}) turns each {@link Reason} into its problem-details answer, so this
 * package never depends on HTTP.
 */
public final class IngestRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused; each has one answer a client can act on. */
    public enum Reason {
        /** The body or an event breaks a rule; the client must change it. */
        INVALID,
        /** Something looks like a payment card number; it must never be sent. */
        CARD_DATA,
        /** Too many events or bytes in one request. */
        TOO_LARGE,
        /** Too many request bytes in flight (backpressure); retry shortly. */
        BUSY,
        /** The broker did not acknowledge every record; retry later. */
        BROKER_UNAVAILABLE
    }

    private final Reason reason;
    private final transient List<String> errors;

    private IngestRefusedException(Reason reason, String message, List<String> errors) {
        super(message, null, false, false);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    /** The client must change the request; {@code detail} says so in words, {@code errors} per event or field. */
    public static IngestRefusedException invalid(String detail, List<String> errors) {
        return new IngestRefusedException(Reason.INVALID, detail, errors);
    }

    /** Card-like numbers, {@code errors} naming where (never the number). */
    public static IngestRefusedException cardData(List<String> errors) {
        return new IngestRefusedException(Reason.CARD_DATA, "card data refused", errors);
    }

    /** Over a size limit; {@code detail} names the limit and what to do. */
    public static IngestRefusedException tooLarge(String detail) {
        return new IngestRefusedException(Reason.TOO_LARGE, detail, List.of());
    }

    /** The in-flight budget is spent. */
    public static IngestRefusedException busy() {
        return new IngestRefusedException(Reason.BUSY, "in-flight limit reached", List.of());
    }

    /** Publishing failed; {@code cause} is the broker client's reason (no payload in it). */
    public static IngestRefusedException brokerUnavailable(String cause) {
        return new IngestRefusedException(Reason.BROKER_UNAVAILABLE, cause, List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** Per-event or per-field reasons, already capped; empty for a refusal of the whole request. */
    public List<String> errors() {
        return errors;
    }
}
