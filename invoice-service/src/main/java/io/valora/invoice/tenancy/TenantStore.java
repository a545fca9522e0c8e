package io.valora.invoice.tenancy;

import io.valora.invoice.db.TenantSession;
import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code tenants} table.
 *
 * <p>Why it exists: a tenant must exist before it can own keys (foreign key), and its id is
 * taken once.
 */
@ApplicationScoped
public class TenantStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final TenantSession session;

    TenantStore(AgroalDataSource dataSource, TenantSession session) {
        this.dataSource = dataSource;
        this.session = session;
    }

    /**
     * Inserts a tenant in the caller's transaction.
     *
     * @throws TenantExistsException when the id is taken
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String id, String name, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            SqlTime.set(ps, 3, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new TenantExistsException(id);
            }
            throw new IllegalStateException("Could not create tenant " + id + ": " + e.getMessage(), e);
        }
    }

    /** Inserts the tenant unless it exists, in its own transaction and the tenant's session. */
    @Transactional
    public void ensure(String id, String name, Instant now) {
        session.enter(id);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, name);
            SqlTime.set(ps, 3, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create tenant " + id + ": " + e.getMessage(), e);
        }
    }
}
