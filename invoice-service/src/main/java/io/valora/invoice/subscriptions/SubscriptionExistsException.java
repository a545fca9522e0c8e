package io.valora.invoice.subscriptions;

/** The tenant already has a subscription with this external id; the API answers 409. */
public final class SubscriptionExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param externalId the taken external id */
    public SubscriptionExistsException(String externalId) {
        super("A subscription with externalId '" + externalId + "' exists already.", null, false, false);
    }
}
