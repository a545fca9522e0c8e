package io.valora.invoice.db;

/**
 * Start-up failure because PostgreSQL cannot be reached. It carries only the operator-facing
 * message (see {@link UnreachableDatabase}) and no stack trace: the trace says nothing the
 * message does not, and would bury it.
 */
public final class DatabaseUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with this message and no stack trace. */
    public DatabaseUnreachableException(String message) {
        super(message, null, false, false);
    }
}
