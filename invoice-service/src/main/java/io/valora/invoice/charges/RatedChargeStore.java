package io.valora.invoice.charges;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@code rated_charges} table, keyed by (tenant, charge key), on whichever connection the
 * caller holds: the consumer's and the scheduler's on the system role ({@link ChargeIntake},
 * {@code CloseScan}), the period close's in a tenant's session.
 *
 * <p>Why it exists: rating-streams publishes period-to-date values, so the latest record per key
 * is the charge. {@link #upsertAll(Collection)} keeps the highest sequence; a redelivered or an
 * older record changes nothing (not even the revision), which is what makes the consumer's
 * at-least-once delivery safe. The close reads a whole chunk's charges in one round trip. It holds
 * no datasource itself: which role reads a charge is its caller's decision.
 */
public final class RatedChargeStore {

    /** One charge row, bound from a {@link ChargeRow}, with a fresh revision; each write adds its own conflict rule. */
    private static final String INSERT_ROW = """
            INSERT INTO rated_charges (tenant, charge_key, subscription, meter, grp, plan, plan_version, period_start,
                period_end, adjustment_of, customer, quantity, unit_price, amount_minor, currency, event_count, sequence,
                final, revision)
            VALUES (:tenant, :chargeKey, :subscription, :meter, :group, :plan, :planVersion, :periodStart, :periodEnd,
                :adjustmentOf, :customer, :quantity, :unitPrice, :amountMinor, :currency, :eventCount, :sequence, :final,
                nextval('charge_revisions'))
            """;

    private static final String UPSERT = INSERT_ROW + """
            ON CONFLICT (tenant, charge_key) DO UPDATE SET
                subscription = excluded.subscription, meter = excluded.meter, grp = excluded.grp, plan = excluded.plan,
                plan_version = excluded.plan_version, period_start = excluded.period_start,
                period_end = excluded.period_end, adjustment_of = excluded.adjustment_of, customer = excluded.customer,
                quantity = excluded.quantity, unit_price = excluded.unit_price, amount_minor = excluded.amount_minor,
                currency = excluded.currency, event_count = excluded.event_count,
                sequence = excluded.sequence, final = excluded.final, revision = excluded.revision
            WHERE excluded.sequence > rated_charges.sequence
            """;

    /**
     * A carried charge ({@code LateChanges}): written whole the first time, then only its amounts,
     * and only by a newer difference (its sequence is the source charge's revision, which only grows).
     */
    private static final String CARRY = INSERT_ROW + """
            ON CONFLICT (tenant, charge_key) DO UPDATE SET quantity = excluded.quantity, amount_minor = excluded.amount_minor,
                unit_price = excluded.unit_price, event_count = excluded.event_count, sequence = excluded.sequence,
                revision = excluded.revision
            WHERE excluded.sequence > rated_charges.sequence
            """;

    private static final String COLUMNS = """
            SELECT tenant, charge_key, subscription, meter, grp, plan, plan_version, period_start, period_end,
                   adjustment_of, customer, quantity, unit_price, amount_minor, currency, event_count, sequence, final,
                   revision
            FROM rated_charges
            """;

    private static final RowMapper<StoredCharge> ROW = (rs, ctx) -> {
        int version = rs.getInt("plan_version");
        Integer planVersion = rs.wasNull() ? null : version;
        ChargeRow row = new ChargeRow(rs.getString("charge_key"), rs.getString("tenant"), rs.getString("subscription"),
                rs.getString("customer"), rs.getString("meter"), rs.getString("grp"), rs.getString("plan"),
                planVersion, SqlTime.get(rs, "period_start"), SqlTime.get(rs, "period_end"),
                SqlTime.find(rs, "adjustment_of").orElse(null), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("unit_price"), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getLong("event_count"), rs.getLong("sequence"), rs.getBoolean("final"));
        return new StoredCharge(row, rs.getLong("revision"));
    };

    private final Jdbi jdbi;

    RatedChargeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The store on a connection the caller holds in its transaction. */
    public static RatedChargeStore on(Connection connection) {
        return new RatedChargeStore(Jdbis.on(connection));
    }

    /** Writes the charges as one batch, in the caller's transaction; returns how many rows actually changed. */
    public int upsertAll(Collection<ChargeRow> charges) {
        if (charges.isEmpty()) {
            return 0;
        }
        try {
            return jdbi.withHandle(h -> write(h.prepareBatch(UPSERT), charges));
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not store rated charges: " + Jdbis.reason(e), e);
        }
    }

    /**
     * Writes carried charges (differences of charges whose invoice is final) as one batch, in the
     * caller's transaction; a carried charge that exists keeps its identity and takes the new amounts.
     */
    public void carryAll(Collection<ChargeRow> carried) {
        if (!carried.isEmpty()) {
            jdbi.useHandle(h -> write(h.prepareBatch(CARRY), carried));
        }
    }

    private static int write(PreparedBatch batch, Collection<ChargeRow> charges) {
        for (ChargeRow row : charges) {
            batch.bind("tenant", row.tenant()).bind("chargeKey", row.chargeKey())
                    .bind("subscription", row.subscription()).bind("meter", row.meter()).bind("group", row.group())
                    .bind("plan", row.plan()).bindByType("planVersion", row.planVersion(), Integer.class)
                    .bind("periodStart", row.periodStart()).bind("periodEnd", row.periodEnd())
                    .bindByType("adjustmentOf", row.adjustmentOf(), Instant.class).bind("customer", row.customer())
                    .bind("quantity", row.quantity()).bind("unitPrice", row.unitPrice())
                    .bind("amountMinor", row.amountMinor()).bind("currency", row.currency())
                    .bind("eventCount", row.eventCount()).bind("sequence", row.sequence()).bind("final", row.isFinal())
                    .add();
        }
        int changed = 0;
        for (int count : batch.execute()) {
            changed += Math.max(count, 0);
        }
        return changed;
    }

    /**
     * Periods ended before {@code cutoff} with charges whose invoice is missing, or still a draft
     * built from older charges: what the automatic close still has to do besides the subscriptions'
     * own schedule (late charges, and charges of subscriptions the catalog does not know). Periods
     * that failed to close and wait for their retry time ({@code close_failures}) are left out.
     * Cross-tenant: only on the system role's connection.
     */
    public List<DuePeriod> duePeriods(Instant cutoff, Instant now) {
        String sql = """
                SELECT c.tenant, c.period_start, c.subscription, max(c.period_end) AS period_end
                FROM rated_charges c
                LEFT JOIN invoices i
                  ON i.tenant = c.tenant AND i.subscription = c.subscription AND i.period_start = c.period_start
                WHERE c.period_end <= :cutoff AND (i.status IS NULL OR i.status = 'draft')
                  AND NOT EXISTS (SELECT 1 FROM close_failures f WHERE f.tenant = c.tenant AND f.subscription = c.subscription
                                  AND f.period_start = c.period_start AND f.retry_at > :now)
                GROUP BY c.tenant, c.period_start, c.subscription, i.charges_revision
                HAVING i.charges_revision IS NULL OR max(c.revision) > i.charges_revision
                ORDER BY c.period_start, c.tenant, c.subscription
                """;
        try {
            return jdbi.withHandle(h -> h.createQuery(sql).bind("cutoff", cutoff).bind("now", now)
                    .map((rs, ctx) -> new DuePeriod(rs.getString("tenant"), SqlTime.get(rs, "period_start"),
                            rs.getString("subscription"), SqlTime.get(rs, "period_end")))
                    .list());
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not find periods to close: " + Jdbis.reason(e), e);
        }
    }

    /** The tenant's charges billed on the given (subscription, period start) pairs (equal-length lists). */
    public List<StoredCharge> billedOn(TenantScope tenant, List<String> subscriptions, List<Instant> periodStarts) {
        String sql = COLUMNS + " WHERE tenant = :tenant AND (subscription, period_start) IN "
                + "(SELECT * FROM unnest(:subscriptions::text[], :periodStarts::timestamptz[]))";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("tenant", tenant.id())
                .bind("subscriptions", SqlArrays.of("text", subscriptions))
                .bind("periodStarts", SqlArrays.of("timestamptz", periodStarts.stream().map(Timestamp::from).toList()))
                .map(ROW).list());
    }

    /** The distinct subscriptions with charges billed on the period starting at {@code periodStart}. */
    public List<String> subscriptionsBilledOn(TenantScope tenant, Instant periodStart, Optional<String> customer,
                                              Optional<String> subscription) {
        String sql = "SELECT DISTINCT subscription FROM rated_charges WHERE tenant = :tenant AND period_start = :periodStart"
                + (customer.isPresent() ? " AND customer = :customer" : "")
                + (subscription.isPresent() ? " AND subscription = :subscription" : "") + " ORDER BY subscription";
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql).bind("tenant", tenant.id()).bind("periodStart", periodStart);
            customer.ifPresent(value -> q.bind("customer", value));
            subscription.ifPresent(value -> q.bind("subscription", value));
            return q.mapTo(String.class).list();
        });
    }
}
