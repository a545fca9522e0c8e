package io.valora.invoice.charges;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.tenancy.TenantSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL storage of rated charges, keyed by their natural key.
 *
 * <p>Why it exists: rating-streams publishes period-to-date values, so the latest record per key
 * is the charge. {@link #upsertAll(Collection)} keeps the highest sequence; a redelivered or an
 * older record changes nothing (not even the revision), which is what makes the consumer's
 * at-least-once delivery safe.
 */
@ApplicationScoped
public class RatedChargeStore {

    private static final String UPSERT = """
            INSERT INTO rated_charges (tenant, subscription, meter, period_start, period_end, customer,
                quantity, unit_price, amount_minor, currency, event_count, sequence, final, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('charge_revisions'))
            ON CONFLICT (tenant, subscription, meter, period_start) DO UPDATE SET
                period_end = excluded.period_end, customer = excluded.customer, quantity = excluded.quantity,
                unit_price = excluded.unit_price, amount_minor = excluded.amount_minor,
                currency = excluded.currency, event_count = excluded.event_count,
                sequence = excluded.sequence, final = excluded.final, revision = excluded.revision
            WHERE excluded.sequence > rated_charges.sequence
            """;

    private static final String SELECT = """
            SELECT tenant, subscription, meter, period_start, period_end, customer, quantity, unit_price,
                   amount_minor, currency, event_count, sequence, final, revision
            FROM rated_charges
            """;

    private final AgroalDataSource dataSource;
    private final TenantSession session;

    RatedChargeStore(AgroalDataSource dataSource, TenantSession session) {
        this.dataSource = dataSource;
        this.session = session;
    }

    /** Writes the charges in one transaction; returns how many rows actually changed. */
    @Transactional
    public int upsertAll(Collection<ChargeRow> charges) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (ChargeRow row : charges) {
                ChargeKey key = row.key();
                ps.setString(1, key.tenant());
                ps.setString(2, key.subscription());
                ps.setString(3, key.meter());
                SqlTime.set(ps, 4, key.periodStart());
                SqlTime.set(ps, 5, row.periodEnd());
                ps.setString(6, row.customer());
                ps.setBigDecimal(7, row.quantity());
                ps.setBigDecimal(8, row.unitPrice());
                ps.setLong(9, row.amountMinor());
                ps.setString(10, row.currency());
                ps.setLong(11, row.eventCount());
                ps.setLong(12, row.sequence());
                ps.setBoolean(13, row.isFinal());
                ps.addBatch();
            }
            int changed = 0;
            for (int count : ps.executeBatch()) {
                changed += Math.max(count, 0);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store rated charges: " + e.getMessage(), e);
        }
    }

    /** The tenant's charges of the period that starts at {@code periodStart}, optionally of one customer. */
    @Transactional
    public List<StoredCharge> forPeriod(String tenant, Instant periodStart, Optional<String> customer) {
        session.enter(tenant);
        String sql = SELECT + " WHERE tenant = ? AND period_start = ?"
                + (customer.isPresent() ? " AND customer = ?" : "")
                + " ORDER BY customer, meter, subscription";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            SqlTime.set(ps, 2, periodStart);
            if (customer.isPresent()) {
                ps.setString(3, customer.get());
            }
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rated charges: " + e.getMessage(), e);
        }
    }

    /**
     * Periods ended before {@code cutoff} whose invoice is missing, or still a draft built from
     * older charges: what the automatic close still has to do.
     */
    @Transactional
    public List<DuePeriod> duePeriods(Instant cutoff) {
        String sql = """
                SELECT c.tenant, c.period_start, c.customer
                FROM rated_charges c
                LEFT JOIN invoices i
                  ON i.tenant = c.tenant AND i.customer = c.customer AND i.period_start = c.period_start
                WHERE c.period_end <= ? AND (i.status IS NULL OR i.status = 'draft')
                GROUP BY c.tenant, c.period_start, c.customer, i.charges_revision
                HAVING i.charges_revision IS NULL OR max(c.revision) > i.charges_revision
                ORDER BY c.period_start, c.tenant, c.customer
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlTime.set(ps, 1, cutoff);
            List<DuePeriod> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new DuePeriod(rs.getString("tenant"), SqlTime.get(rs, "period_start"), rs.getString("customer")));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find periods to close: " + e.getMessage(), e);
        }
    }

    private static List<StoredCharge> read(PreparedStatement ps) throws SQLException {
        List<StoredCharge> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ChargeKey key = new ChargeKey(rs.getString("tenant"), rs.getString("subscription"),
                        rs.getString("meter"), SqlTime.get(rs, "period_start"));
                ChargeRow row = new ChargeRow(key, rs.getString("customer"), SqlTime.get(rs, "period_end"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getLong("amount_minor"),
                        rs.getString("currency"), rs.getLong("event_count"), rs.getLong("sequence"),
                        rs.getBoolean("final"));
                rows.add(new StoredCharge(row, rs.getLong("revision")));
            }
        }
        return rows;
    }
}
