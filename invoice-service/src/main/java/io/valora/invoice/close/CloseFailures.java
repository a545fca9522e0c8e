package io.valora.invoice.close;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code close_failures} table as a tenant reads it: the periods the scheduler could not close
 * (written by {@link CloseFailureLog}).
 *
 * <p>Why it exists: a tenant must see which of its periods wait for a retry, and why; it reads
 * them in its own session on the request role, which may only read this table.
 */
@ApplicationScoped
public class CloseFailures {

    private final AgroalDataSource dataSource;
    private final TenantSession session;

    CloseFailures(AgroalDataSource dataSource, TenantSession session) {
        this.dataSource = dataSource;
        this.session = session;
    }

    /** The tenant's failures, oldest period first, at most {@code limit}. */
    @Transactional
    public List<CloseFailure> list(String tenant, int limit) {
        session.enter(tenant);
        String sql = "SELECT tenant, subscription, period_start, period_end, attempts, error, first_failed_at, last_failed_at, "
                + "retry_at FROM close_failures WHERE tenant = ? ORDER BY period_start, subscription LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setInt(2, limit);
            List<CloseFailure> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new CloseFailure(rs.getString(1), rs.getString(2), SqlTime.get(rs, "period_start"),
                            SqlTime.get(rs, "period_end"), rs.getInt(5), rs.getString(6), SqlTime.get(rs, "first_failed_at"),
                            SqlTime.get(rs, "last_failed_at"), SqlTime.get(rs, "retry_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list close failures: " + e.getMessage(), e);
        }
    }
}
