package io.valora.invoice.close;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's side of the {@code close_failures} table: periods it could not close, each
 * retried after a backoff that doubles with every failure ({@code valora.close.retry-backoff} up
 * to {@code valora.close.retry-max-backoff}), on the system role.
 *
 * <p>Why it exists: a period that fails to close must neither stop the other tenants' closes nor
 * be retried in a tight loop nor be forgotten; it is recorded here in its own transaction (the
 * close's was rolled back), skipped by the scheduler until its retry time, and counted for
 * operators across every tenant. Tenants read their rows through {@link CloseFailures}; only the
 * scheduler writes them.
 */
@ApplicationScoped
public class CloseFailureLog {

    private static final int MAX_ERROR = 2000;

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final AtomicLong open = new AtomicLong();

    CloseFailureLog(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource, Clock clock,
                    @ConfigProperty(name = "valora.close.retry-backoff", defaultValue = "PT1M") Duration backoff,
                    @ConfigProperty(name = "valora.close.retry-max-backoff", defaultValue = "PT1H") Duration maxBackoff) {
        this.dataSource = dataSource;
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
}
