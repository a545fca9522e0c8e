package io.valora.invoice.plans;

import io.valora.schemas.Plan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-based reads of plan versions on a plain JDBC connection.
 *
 * <p>Why it exists: the batched period close (and its benchmark, outside the container) reads
 * every plan version a chunk of subscriptions needs in one round trip.
 */
public final class PlanReads {

    private PlanReads() {
    }

    /** Every version of the tenant's plans whose key is in {@code keys}. */
    public static List<Plan> versionsOf(Connection c, String tenant, List<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT record FROM plans WHERE tenant = ? AND plan_key = ANY (?)")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            List<Plan> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(PlanRecords.decode(rs.getBytes(1)));
                }
            }
            return found;
        }
    }
}
