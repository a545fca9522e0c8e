package io.valora.invoice.db;

/**
 * Names of the service's datasources beside the default one (the request role).
 *
 * <p>Why it exists: which database role a piece of code runs as is a security decision, so the
 * names live in one place and a test can look for them ({@code SystemDataSourceReachTest}).
 */
public final class Databases {

    /**
     * The system role's datasource ({@code @DataSource(Databases.SYSTEM)}): cross-tenant work only
     * — rated-charge consumer, outbox relay, the scheduler's scans and locks, API-key lookup. Never
     * injected into anything a REST resource can reach.
     */
    public static final String SYSTEM = "system";

    /** The tables' owner's datasource: Flyway at start-up (and local login roles), then closed. */
    public static final String OWNER = "owner";

    private Databases() {
    }
}
