package io.valora.invoice.db;

/**
 * Start-up refusal because a configured database role would not keep tenants apart (see
 * {@link RoleCheck}). Carries only the operator-facing message, no stack trace, like
 * {@link DatabaseUnreachableException}.
 */
public final class UnsafeDatabaseRoleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with this message and no stack trace. */
    public UnsafeDatabaseRoleException(String message) {
        super(message, null, false, false);
    }
}
