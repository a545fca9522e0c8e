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
     * Up to {@code limit} subscriptions (any tenant) whose first unclosed period ended at or before
     * {@code cutoff}, oldest first: the scheduler's work list.
     */
    public static List<StoredSubscription> due(Connection c, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS
                + "WHERE next_period_end <= ? ORDER BY next_period_end, tenant, id LIMIT " + limit)) {
            SqlTime.set(ps, 1, cutoff);
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
