package io.valora.invoice.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts the current database transaction into one tenant's session: {@code app.tenant} is set
 * for the transaction and the role drops to {@value #ROLE}, on which PostgreSQL's row-level
 * security policies admit only that tenant's rows. Both revert at commit or rollback.
 *
 * <p>Why it exists: every query already filters by tenant; this is the second wall, so a query
 * that forgot its filter still cannot read or write another tenant's rows. It works on the
 * request datasource, whose login role is a member of {@value #ROLE} and neither owner nor
 * superuser, on tables that FORCE row-level security: a transaction that never enters a session
 * sees no tenant's rows at all. ({@code SET LOCAL ROLE} keeps a session isolated even when the
 * local profile is run with a superuser as the request role.) Work that is not a tenant's (the
 * rated-charge consumer, the outbox relay, the scheduler's scans, key lookup) runs on the system
 * datasource and never calls this.
 */
@ApplicationScoped
public class TenantSession {

    /** The non-owner role that tenant-scoped transactions run as (created by migration V3). */
    public static final String ROLE = "valora_tenant";

    private static final String RESOURCE_KEY = TenantSession.class.getName();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transaction;

    TenantSession(AgroalDataSource dataSource, TransactionSynchronizationRegistry transaction) {
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /**
     * Scopes the rest of the current transaction to {@code tenant}.
     *
     * @return the tenant as the value the transaction's stores take
     *
     * @throws IllegalStateException when the transaction is already scoped to another tenant
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TenantScope enter(String tenant) {
        if (tenant == null || tenant.isEmpty()) {
            throw new IllegalArgumentException("tenant is required");
        }
        Object entered = transaction.getResource(RESOURCE_KEY);
        if (entered != null) {
            if (!tenant.equals(entered)) {
                throw new IllegalStateException("the transaction is already scoped to another tenant");
            }
            return new TenantScope(tenant);
        }
        try (Connection c = dataSource.getConnection()) {
            String current = current(c);
            if (tenant.equals(current)) {
                return new TenantScope(tenant);
            }
            if (current != null && !current.isEmpty()) {
                throw new IllegalStateException("the transaction is already scoped to another tenant");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant', ?, true)")) {
                ps.setString(1, tenant);
                ps.execute();
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL ROLE " + ROLE);
            }
            transaction.putResource(RESOURCE_KEY, tenant);
            return new TenantScope(tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not enter the tenant's database session: " + e.getMessage(), e);
        }
    }

    private static String current(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('app.tenant', true)")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
