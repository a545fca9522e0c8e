package io.valora.invoice.customers;

/** The tenant already has a customer with this external id; the API answers 409. */
public final class CustomerExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param externalId the taken id */
    public CustomerExistsException(String externalId) {
        super("A customer with externalId '" + externalId + "' exists already.", null, false, false);
    }
}
