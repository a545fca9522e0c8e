package io.valora.invoice.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Runs a job on at most one instance at a time, through a PostgreSQL session advisory lock held
 * on a dedicated connection for the job's duration; an instance that does not get the lock skips
 * the run.
 *
 * <p>Why it exists: the service scales out, and its scheduled jobs (period close, finalization)
 * are safe to run twice but wasteful; the database is the one thing every instance shares, so it
 * elects the runner — no extra coordination service.
 */
@ApplicationScoped
public class ClusterLock {

    /** Lock key of the period-close job. */
    public static final long PERIOD_CLOSE = 0x56414C4F52413032L;
    /** Lock key of the auto-finalization job. */
    public static final long AUTO_FINALIZE = 0x56414C4F52413033L;

    private static final Logger LOG = Logger.getLogger(ClusterLock.class);

    private final AgroalDataSource dataSource;

    ClusterLock(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code job} if this instance gets lock {@code key}; returns whether it ran. */
    public boolean runExclusively(long key, Runnable job) {
        try (Connection c = dataSource.getConnection()) {
            if (!call(c, "SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                call(c, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not take cluster lock %d: %s", key, e.getMessage());
            return false;
        }
    }

    private static boolean call(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
