package io.valora.invoice.subscriptions;

import io.valora.billing.period.Cadence;
import io.valora.invoice.db.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads subscriptions on a plain JDBC connection: the columns, the row mapping, and the set-based
 * reads of the batched period close.
 *
 * <p>Why it exists: {@link SubscriptionStore} (inside the container) and the period close (also
 * run by the benchmark on a bare connection) map rows the same way.
 */
public final class SubscriptionReads {

    /** Every column, for {@link #map(ResultSet)}. */
    public static final String COLUMNS = "SELECT tenant, id, external_id, customer, time_zone, cadence, anchor, start_at, "
            + "end_at, trial_end_at, phases::text AS phases, created_at, updated_at FROM subscriptions ";

    private SubscriptionReads() {
    }

    /** The subscription on the current row. */
    public static StoredSubscription map(ResultSet rs) throws SQLException {
        return new StoredSubscription(rs.getString("tenant"), rs.getString("id"),
                Optional.ofNullable(rs.getString("external_id")), rs.getString("customer"),
                ZoneId.of(rs.getString("time_zone")), Cadence.valueOf(rs.getString("cadence")),
                LocalDateTime.parse(rs.getString("anchor")), SqlTime.get(rs, "start_at"),
                SqlTime.find(rs, "end_at"), SqlTime.find(rs, "trial_end_at"),
                PhasesJson.read(rs.getString("phases")), SqlTime.get(rs, "created_at"), SqlTime.get(rs, "updated_at"));
    }

    /** The tenant's subscriptions with these ids. */
    public static List<StoredSubscription> byIds(Connection c, String tenant, List<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE tenant = ? AND id = ANY (?)")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            return all(ps);
        }
    }

    /**
     * Up to {@code limit} subscriptions (any tenant) whose first unclosed period has ended by
     * {@code now} and either ended by {@code graceCutoff} or has only final charges: the scheduler's
     * work list, oldest period first.
     */
    public static List<DueSubscription> due(Connection c, Instant now, Instant graceCutoff, int limit) throws SQLException {
        String sql = "SELECT s.tenant, s.id, external_id, customer, time_zone, cadence, anchor, start_at, end_at, trial_end_at, "
                + "phases::text AS phases, created_at, updated_at, d.next_period_end FROM subscription_schedule d "
                + "JOIN subscriptions s ON s.tenant = d.tenant AND s.id = d.id "
                + "WHERE d.next_period_end <= ? AND (d.next_period_end <= ? OR NOT EXISTS (SELECT 1 FROM rated_charges r "
                + "WHERE r.tenant = d.tenant AND r.subscription = d.id AND r.period_end = d.next_period_end AND NOT r.final)) "
                // A period that failed to close waits for its retry time (close_failures), so it cannot hold up the rest.
                + "AND NOT EXISTS (SELECT 1 FROM close_failures f WHERE f.tenant = d.tenant AND f.subscription = d.id "
                + "AND f.period_end = d.next_period_end AND f.retry_at > ?) "
                + "ORDER BY d.next_period_end, d.tenant, d.id LIMIT " + limit;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlTime.set(ps, 1, now);
            SqlTime.set(ps, 2, graceCutoff);
            SqlTime.set(ps, 3, now);
            List<DueSubscription> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new DueSubscription(map(rs), SqlTime.get(rs, "next_period_end")));
                }
            }
            return found;
        }
    }

    /**
     * Moves each subscription's {@code next_period_end} past the period just closed: to the next
     * period's end, or to infinity once the subscription has ended (nothing more to close).
     */
    public static void advance(Connection c, List<DueSubscription> closed) throws SQLException {
        if (closed.isEmpty()) {
            return;
        }
        // One statement for the whole chunk: (tenant, id, closed period end, next end or null = ended).
        String sql = "UPDATE subscription_schedule s SET next_period_end = coalesce(u.next_end, 'infinity'::timestamptz) "
                + "FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[]) AS u(tenant, id, closed_end, next_end) "
                + "WHERE s.tenant = u.tenant AND s.id = u.id AND s.next_period_end = u.closed_end";
        Object[] tenants = new Object[closed.size()];
        Object[] ids = new Object[closed.size()];
        Object[] closedEnds = new Object[closed.size()];
        Object[] nextEnds = new Object[closed.size()];
        for (int i = 0; i < closed.size(); i++) {
            DueSubscription due = closed.get(i);
            StoredSubscription s = due.subscription();
            boolean ended = s.endAt().filter(end -> !end.isAfter(due.periodEnd())).isPresent();
            tenants[i] = s.tenant();
            ids[i] = s.id();
            closedEnds[i] = java.sql.Timestamp.from(due.periodEnd());
            nextEnds[i] = ended ? null : java.sql.Timestamp.from(s.calendar().periodContaining(due.periodEnd()).end());
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", tenants));
            ps.setArray(2, c.createArrayOf("text", ids));
            ps.setArray(3, c.createArrayOf("timestamptz", closedEnds));
            ps.setArray(4, c.createArrayOf("timestamptz", nextEnds));
            ps.executeUpdate();
        }
    }

    /**
     * The tenant's subscriptions that may have a period starting at {@code periodStart} (started
     * before it plus a year, not ended before it), optionally of one customer or one id.
     */
    public static List<StoredSubscription> around(Connection c, String tenant, Instant periodStart, Optional<String> customer,
                                                  Optional<String> id) throws SQLException {
        String sql = COLUMNS + "WHERE tenant = ? AND start_at < ? AND (end_at IS NULL OR end_at > ?)"
                + (customer.isPresent() ? " AND customer = ?" : "") + (id.isPresent() ? " AND id = ?" : "") + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, tenant);
            SqlTime.set(ps, i++, periodStart.plus(java.time.Duration.ofDays(367)));
            SqlTime.set(ps, i++, periodStart);
            if (customer.isPresent()) {
                ps.setString(i++, customer.get());
            }
            if (id.isPresent()) {
                ps.setString(i, id.get());
            }
            return all(ps);
        }
    }

    static List<StoredSubscription> all(PreparedStatement ps) throws SQLException {
        List<StoredSubscription> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(map(rs));
            }
        }
        return found;
    }
}
