package io.valora.invoice.plans;

/** The tenant already has a plan with this key; the API answers 409 (edit it with PUT instead). */
public final class PlanExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param key the taken key */
    public PlanExistsException(String key) {
        super("A plan with key '" + key + "' exists already; PUT /v1/plans/" + key + " creates its next version.",
                null, false, false);
    }
}
