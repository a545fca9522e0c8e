package io.valora.rating.model;

/**
 * Why a usage event could not be rated. The code goes to {@code usage-events.rejected} in the
 * header {@link io.valora.rating.config.ResourceNames#REJECT_CODE_HEADER} and tags the rejection metric, so operators can
 * count, filter and re-process by reason (see the README, "Re-processing rejected events").
 */
public enum RejectReason {
    /** Older than the de-duplication retention behind stream time: its id may be forgotten. */
    TOO_OLD("too-old"),
    /** {@code data} is not a JSON object. */
    INVALID_DATA("invalid-data"),
    /** No meter of the tenant matches the event's type and filters. */
    NO_METER("no-meter"),
    /** A matching meter names an aggregation Valora does not know. */
    INVALID_METER("invalid-meter"),
    /** The subject is neither a customer with a subscription nor a subscription's external id. */
    NO_SUBSCRIPTION("no-subscription"),
    /** The subject has subscriptions, but none is active at the event's time. */
    SUBSCRIPTION_NOT_ACTIVE("subscription-not-active"),
    /** The subscription's time zone, cadence or anchor cannot be read. */
    INVALID_SUBSCRIPTION("invalid-subscription"),
    /** The active subscription has no plan phase at the event's time. */
    NO_PLAN_PHASE("no-plan-phase"),
    /** The phase's plan version is not (yet) in the catalog. */
    PLAN_NOT_FOUND("plan-not-found"),
    /** The plan prices none of the matching meters. */
    NO_PRICE("no-price"),
    /** The plan's price model for a matching meter is invalid. */
    INVALID_PRICE("invalid-price"),
    /** The meter's value property is absent from {@code data}. */
    VALUE_MISSING("value-missing"),
    /** The meter's value is not a valid quantity. */
    VALUE_INVALID("value-invalid"),
    /**
     * The event would take its charge past the largest amount a charge can carry
     * ({@code BillingLimits.MAX_AMOUNT_MINOR} minor units); the charge keeps its amount without it.
     */
    AMOUNT_OVERFLOW("amount-overflow");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable, lower-case code in headers and metrics. */
    public String code() {
        return code;
    }
}
