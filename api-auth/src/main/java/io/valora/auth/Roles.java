package io.valora.auth;

/**
 * Role names as {@code @RolesAllowed} takes them: a key's scopes become its roles one to one, and
 * the operator token has a role of its own that no API key can hold. Constants, because annotation
 * values must be.
 */
public final class Roles {

    /** May post usage events (gateway). */
    public static final String INGEST = "ingest";
    /** May read invoices, the catalog and live usage. */
    public static final String READ = "read";
    /** May change the catalog, close periods and manage keys. */
    public static final String ADMIN = "admin";
    /** The operator token of invoice-service: creates tenants, sees no tenant's data. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
