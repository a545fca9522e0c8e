package io.valora.invoice.close;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.tenancy.TenantSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code close_failures} table: periods the scheduler could not close, each retried after a
 * backoff that doubles with every failure ({@code valora.close.retry-backoff} up to
 * {@code valora.close.retry-max-backoff}).
 *
 * <p>Why it exists: a period that fails to close must neither stop the other tenants' closes nor
 * be retried in a tight loop nor be forgotten; it is recorded here in its own transaction (the
 * close's was rolled back), skipped by the scheduler until its retry time, and listed to its
 * tenant and counted for operators.
 */
@ApplicationScoped
public class CloseFailures {

    private static final int MAX_ERROR = 2000;

    private final AgroalDataSource dataSource;
    private final TenantSession session;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final AtomicLong open = new AtomicLong();

    CloseFailures(AgroalDataSource dataSource, TenantSession session, Clock clock,
                  @ConfigProperty(name = "valora.close.retry-backoff", defaultValue = "PT1M") Duration backoff,
                  @ConfigProperty(name = "valora.close.retry-max-backoff", defaultValue = "PT1H") Duration maxBackoff) {
        this.dataSource = dataSource;
        this.session = session;
        this.clock = clock;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** Records one more failed attempt; the period is tried again after the backoff. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String tenant, String subscription, Instant periodStart, Instant periodEnd, String error) {
        String sql = """
                INSERT INTO close_failures AS f (tenant, subscription, period_start, period_end, attempts, error, first_failed_at,
                    last_failed_at, retry_at)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)
                ON CONFLICT (tenant, subscription, period_start) DO UPDATE SET attempts = f.attempts + 1, error = excluded.error,
                    last_failed_at = excluded.last_failed_at,
                    retry_at = excluded.last_failed_at + least(? * power(2, least(f.attempts, 30)), ?) * interval '1 millisecond'
                """;
        Instant now = clock.instant();
        String message = error == null ? "unknown error" : error;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, subscription);
            SqlTime.set(ps, 3, periodStart);
            SqlTime.set(ps, 4, periodEnd);
            ps.setString(5, message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message);
            SqlTime.set(ps, 6, now);
            SqlTime.set(ps, 7, now);
            SqlTime.set(ps, 8, now.plus(backoff));
            ps.setLong(9, backoff.toMillis());
            ps.setLong(10, maxBackoff.toMillis());
            ps.executeUpdate();
            open.incrementAndGet();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a close failure: " + e.getMessage(), e);
        }
    }

    /** Forgets the failures of periods that have now closed (ending at or before {@code periodEnd}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cleared(String tenant, List<String> subscriptions, List<Instant> periodStarts) {
        if (open.get() == 0 || subscriptions.isEmpty()) {
            return;
        }
        String sql = "DELETE FROM close_failures f USING unnest(?::text[], ?::timestamptz[]) AS u(subscription, period_start) "
                + "WHERE f.tenant = ? AND f.subscription = u.subscription AND f.period_start = u.period_start";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", subscriptions.toArray()));
            ps.setArray(2, c.createArrayOf("timestamptz", periodStarts.stream().map(java.sql.Timestamp::from).toArray()));
            ps.setString(3, tenant);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear close failures: " + e.getMessage(), e);
        }
    }

    /** Counts the recorded failures (all tenants) and remembers the count for {@link #openCount()}. */
    @Transactional
    public long refreshCount() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM close_failures");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            open.set(rs.getLong(1));
            return open.get();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count close failures: " + e.getMessage(), e);
        }
    }

    /** Periods that could not be closed, as of the scheduler's last tick (a metric and health data). */
    public long openCount() {
        return open.get();
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
