package io.valora.invoice.charges;

import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.SqlTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Set-based reads of rated charges on a plain JDBC connection, for the period close.
 *
 * <p>Why it exists: closing thousands of subscriptions must not cost a query each; the charges of
 * a whole chunk of (subscription, period) pairs come back in one round trip.
 */
public final class ChargeReads {

    private static final String COLUMNS = """
            SELECT tenant, charge_key, subscription, meter, grp, plan, plan_version, period_start, period_end,
                   adjustment_of, customer, quantity, unit_price, amount_minor, currency, event_count, sequence, final,
                   revision
            FROM rated_charges
            """;

    private ChargeReads() {
    }

    /** The tenant's charges billed on the given (subscription, period start) pairs (equal-length lists). */
    public static List<StoredCharge> billedOn(Connection c, TenantScope tenant, List<String> subscriptions, List<Instant> periodStarts)
            throws SQLException {
        String sql = COLUMNS + " WHERE tenant = ? AND (subscription, period_start) IN "
                + "(SELECT * FROM unnest(?::text[], ?::timestamptz[]))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.id());
            ps.setArray(2, c.createArrayOf("text", subscriptions.toArray()));
            ps.setArray(3, c.createArrayOf("timestamptz", periodStarts.stream().map(Timestamp::from).toArray()));
            return read(ps);
        }
    }

    /** The distinct subscriptions with charges billed on the period starting at {@code periodStart}. */
    public static List<String> subscriptionsBilledOn(Connection c, TenantScope tenant, Instant periodStart, Optional<String> customer,
                                                     Optional<String> subscription) throws SQLException {
        String sql = "SELECT DISTINCT subscription FROM rated_charges WHERE tenant = ? AND period_start = ?"
                + (customer.isPresent() ? " AND customer = ?" : "") + (subscription.isPresent() ? " AND subscription = ?" : "")
                + " ORDER BY subscription";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, tenant.id());
            SqlTime.set(ps, i++, periodStart);
            if (customer.isPresent()) {
                ps.setString(i++, customer.get());
            }
            if (subscription.isPresent()) {
                ps.setString(i, subscription.get());
            }
            List<String> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    private static List<StoredCharge> read(PreparedStatement ps) throws SQLException {
        List<StoredCharge> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int version = rs.getInt("plan_version");
                Integer planVersion = rs.wasNull() ? null : version;
                ChargeRow row = new ChargeRow(rs.getString("charge_key"), rs.getString("tenant"), rs.getString("subscription"),
                        rs.getString("customer"), rs.getString("meter"), rs.getString("grp"), rs.getString("plan"),
                        planVersion, SqlTime.get(rs, "period_start"), SqlTime.get(rs, "period_end"),
                        SqlTime.find(rs, "adjustment_of").orElse(null), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("unit_price"), rs.getLong("amount_minor"), rs.getString("currency"),
                        rs.getLong("event_count"), rs.getLong("sequence"), rs.getBoolean("final"));
                rows.add(new StoredCharge(row, rs.getLong("revision")));
            }
        }
        return rows;
    }
}
