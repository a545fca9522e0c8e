package io.valora.invoice.tenancy;

/** A tenant with this id exists already; the operator endpoint answers 409. */
public final class TenantExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the tenant id that is taken */
    public TenantExistsException(String id) {
        super("A tenant with id '" + id + "' exists already; choose another id.", null, false, false);
    }
}
