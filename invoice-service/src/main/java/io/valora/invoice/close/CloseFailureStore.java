package io.valora.invoice.close;

import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code close_failures} table, on whichever Jdbi its caller holds: the scheduler's on the
 * system role ({@link CloseFailureLog}: record, clear, count across tenants), a tenant's on the
 * request role in its session ({@link CloseFailures}: list).
 *
 * <p>Why it exists: one place for the table's SQL while two roles use it; it holds no datasource
 * itself, so which role reaches a row stays its caller's decision.
 */
final class CloseFailureStore {

    private static final String RECORD = """
            INSERT INTO close_failures AS f (tenant, subscription, period_start, period_end, attempts, error, first_failed_at,
                last_failed_at, retry_at)
            VALUES (:tenant, :subscription, :periodStart, :periodEnd, 1, :error, :now, :now, :retryAt)
            ON CONFLICT (tenant, subscription, period_start) DO UPDATE SET attempts = f.attempts + 1, error = excluded.error,
                last_failed_at = excluded.last_failed_at,
                retry_at = excluded.last_failed_at
                    + least(:backoffMillis * power(2, least(f.attempts, 30)), :maxBackoffMillis) * interval '1 millisecond'
            """;

    private final Jdbi jdbi;

    CloseFailureStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One failed attempt to close a tenant's period, at {@code at}. */
    record Attempt(String tenant, String subscription, Instant periodStart, Instant periodEnd, String error, Instant at) {
    }

    /** The wait before the first retry, doubled per failed attempt up to {@code max}. */
    record Backoff(Duration first, Duration max) {
    }

    /** Records one more failed attempt; the period is retried after the attempt's backoff. */
    void record(Attempt attempt, Backoff backoff) {
        jdbi.useHandle(h -> h.createUpdate(RECORD).bind("tenant", attempt.tenant())
                .bind("subscription", attempt.subscription()).bind("periodStart", attempt.periodStart())
                .bind("periodEnd", attempt.periodEnd()).bind("error", attempt.error()).bind("now", attempt.at())
                .bind("retryAt", attempt.at().plus(backoff.first()))
                .bind("backoffMillis", backoff.first().toMillis()).bind("maxBackoffMillis", backoff.max().toMillis())
                .execute());
    }

    /** Deletes the tenant's failures of these periods (subscription and period start, pairwise). */
    void delete(String tenant, List<String> subscriptions, List<Instant> periodStarts) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM close_failures f "
                        + "USING unnest(:subscriptions::text[], :starts::timestamptz[]) AS u(subscription, period_start) "
                        + "WHERE f.tenant = :tenant AND f.subscription = u.subscription AND f.period_start = u.period_start")
                .bind("subscriptions", SqlArrays.of("text", subscriptions))
                .bind("starts", SqlArrays.of("timestamptz", periodStarts.stream().map(Timestamp::from).toList()))
                .bind("tenant", tenant).execute());
    }

    /** How many failures are recorded, for every tenant the caller's role can see. */
    long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM close_failures").mapTo(Long.class).one());
    }

    /** The tenant's failures, oldest period first, at most {@code limit}. */
    List<CloseFailure> list(TenantScope tenant, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant, subscription, period_start, period_end, attempts, error, "
                        + "first_failed_at, last_failed_at, retry_at FROM close_failures WHERE tenant = :tenant "
                        + "ORDER BY period_start, subscription LIMIT :limit")
                .bind("tenant", tenant.id()).bind("limit", limit)
                .map((rs, ctx) -> new CloseFailure(rs.getString("tenant"), rs.getString("subscription"),
                        SqlTime.get(rs, "period_start"), SqlTime.get(rs, "period_end"), rs.getInt("attempts"),
                        rs.getString("error"), SqlTime.get(rs, "first_failed_at"), SqlTime.get(rs, "last_failed_at"),
                        SqlTime.get(rs, "retry_at")))
                .list());
    }
}
