package io.valora.invoice.charges;

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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL storage of rated charges, keyed by (tenant, charge key).
 *
 * <p>Why it exists: rating-streams publishes period-to-date values, so the latest record per key
 * is the charge. {@link #upsertAll(Collection)} keeps the highest sequence; a redelivered or an
 * older record changes nothing (not even the revision), which is what makes the consumer's
 * at-least-once delivery safe.
 */
@ApplicationScoped
public class RatedChargeStore {

    private static final String UPSERT = """
            INSERT INTO rated_charges (tenant, charge_key, subscription, meter, grp, plan, plan_version, period_start,
                period_end, adjustment_of, customer, quantity, unit_price, amount_minor, currency, event_count, sequence,
                final, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nextval('charge_revisions'))
            ON CONFLICT (tenant, charge_key) DO UPDATE SET
                subscription = excluded.subscription, meter = excluded.meter, grp = excluded.grp, plan = excluded.plan,
                plan_version = excluded.plan_version, period_start = excluded.period_start,
                period_end = excluded.period_end, adjustment_of = excluded.adjustment_of, customer = excluded.customer,
                quantity = excluded.quantity, unit_price = excluded.unit_price, amount_minor = excluded.amount_minor,
                currency = excluded.currency, event_count = excluded.event_count,
                sequence = excluded.sequence, final = excluded.final, revision = excluded.revision
            WHERE excluded.sequence > rated_charges.sequence
            """;

    private final AgroalDataSource dataSource;

    RatedChargeStore(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the charges in one transaction; returns how many rows actually changed. */
    @Transactional
    public int upsertAll(Collection<ChargeRow> charges) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (ChargeRow row : charges) {
                ps.setString(1, row.tenant());
                ps.setString(2, row.chargeKey());
                ps.setString(3, row.subscription());
                ps.setString(4, row.meter());
                ps.setString(5, row.group());
                ps.setString(6, row.plan());
                if (row.planVersion() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, row.planVersion());
                }
                SqlTime.set(ps, 8, row.periodStart());
                SqlTime.set(ps, 9, row.periodEnd());
                if (row.adjustmentOf() == null) {
                    ps.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    SqlTime.set(ps, 10, row.adjustmentOf());
                }
                ps.setString(11, row.customer());
                ps.setBigDecimal(12, row.quantity());
                ps.setBigDecimal(13, row.unitPrice());
                ps.setLong(14, row.amountMinor());
                ps.setString(15, row.currency());
                ps.setLong(16, row.eventCount());
                ps.setLong(17, row.sequence());
                ps.setBoolean(18, row.isFinal());
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

    /**
     * Periods ended before {@code cutoff} with charges whose invoice is missing, or still a draft
     * built from older charges: what the automatic close still has to do besides the subscriptions'
     * own schedule (late charges, and charges of subscriptions the catalog does not know). Periods
     * that failed to close and wait for their retry time ({@code close_failures}) are left out.
     */
    @Transactional
    public List<DuePeriod> duePeriods(Instant cutoff, Instant now) {
        String sql = """
                SELECT c.tenant, c.period_start, c.subscription, max(c.period_end) AS period_end
                FROM rated_charges c
                LEFT JOIN invoices i
                  ON i.tenant = c.tenant AND i.subscription = c.subscription AND i.period_start = c.period_start
                WHERE c.period_end <= ? AND (i.status IS NULL OR i.status = 'draft')
                  AND NOT EXISTS (SELECT 1 FROM close_failures f WHERE f.tenant = c.tenant AND f.subscription = c.subscription
                                  AND f.period_start = c.period_start AND f.retry_at > ?)
                GROUP BY c.tenant, c.period_start, c.subscription, i.charges_revision
                HAVING i.charges_revision IS NULL OR max(c.revision) > i.charges_revision
                ORDER BY c.period_start, c.tenant, c.subscription
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlTime.set(ps, 1, cutoff);
            SqlTime.set(ps, 2, now);
            List<DuePeriod> due = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new DuePeriod(rs.getString("tenant"), SqlTime.get(rs, "period_start"), rs.getString("subscription"),
                            SqlTime.get(rs, "period_end")));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find periods to close: " + e.getMessage(), e);
        }
    }
}
