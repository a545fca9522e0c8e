package io.valora.invoice.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads the stored rated charge of one customer and meter straight from PostgreSQL. */
public final class ChargeRows {

    /**
     * The stored sequence, amount and revision.
     *
     * @param sequence    the sequence that won
     * @param amountMinor its amount
     * @param revision    bumped on every change
     */
    public record Row(long sequence, long amountMinor, long revision) {
    }

    private ChargeRows() {
    }

    public static Optional<Row> find(AgroalDataSource db, String tenant, String customer, String meter) {
        String sql = "SELECT sequence, amount_minor, revision FROM rated_charges WHERE tenant = ? AND customer = ? AND meter = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            ps.setString(2, customer);
            ps.setString(3, meter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
