package io.valora.invoice.close;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The {@code carried_charges} table — which revision of each charge was last carried onto a
 * later period — and the query it exists for: charges of finalized (or paid) periods changed
 * since their invoice was built and not carried at that revision yet ({@link LateChanges}).
 *
 * <p>Why it exists: the late-change scan must find only what is new, on the scheduler's system
 * connection across tenants ({@link #tenantsWithChanges()}) and in a tenant's session for the carry.
 */
final class CarriedChargeStore {

    /** Charges of final invoices changed after the invoice was built, not carried at this revision. */
    private static final String CHANGED = """
            FROM rated_charges c
            JOIN invoices i ON i.tenant = c.tenant AND i.subscription = c.subscription AND i.period_start = c.period_start
            LEFT JOIN carried_charges k ON k.tenant = c.tenant AND k.charge_key = c.charge_key
            WHERE i.status IN ('finalized', 'paid') AND c.revision > i.charges_revision
              AND (k.revision IS NULL OR k.revision < c.revision)
            """;

    private static final String MARK = """
            INSERT INTO carried_charges (tenant, charge_key, revision) VALUES (:tenant, :chargeKey, :revision)
            ON CONFLICT (tenant, charge_key) DO UPDATE SET revision = greatest(carried_charges.revision, excluded.revision)
            """;

    private final Jdbi jdbi;

    private CarriedChargeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The store on a connection the caller holds in its transaction. */
    static CarriedChargeStore on(Connection connection) {
        return new CarriedChargeStore(Jdbis.on(connection));
    }

    /** Tenants with changed charges of finalized periods not carried yet (cross-tenant: the system role only). */
    List<String> tenantsWithChanges() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT c.tenant " + CHANGED + " ORDER BY c.tenant")
                .mapTo(String.class).list());
    }

    /** The tenant's changed charges not carried yet, by charge key. */
    List<ChangedCharge> changed(TenantScope tenant) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.charge_key, c.subscription, c.customer, c.meter, c.grp, c.plan, c.plan_version,
                               c.period_start, c.period_end, c.quantity, c.unit_price, c.amount_minor, c.currency,
                               c.event_count, c.revision
                        """ + CHANGED + " AND c.tenant = :tenant ORDER BY c.charge_key")
                .bind("tenant", tenant.id())
                .map((rs, ctx) -> new ChangedCharge(rs.getString("charge_key"), rs.getString("subscription"),
                        rs.getString("customer"), rs.getString("meter"), rs.getString("grp"), rs.getString("plan"),
                        rs.getObject("plan_version", Integer.class), SqlTime.get(rs, "period_start"),
                        SqlTime.get(rs, "period_end"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getLong("amount_minor"), rs.getString("currency"), rs.getLong("event_count"),
                        rs.getLong("revision")))
                .list());
    }

    /** Records that these charges were carried at their current revision (an older mark never wins). */
    void markCarried(TenantScope tenant, Collection<ChangedCharge> charges) {
        if (charges.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(MARK);
            for (ChangedCharge charge : charges) {
                batch.bind("tenant", tenant.id()).bind("chargeKey", charge.chargeKey())
                        .bind("revision", charge.revision()).add();
            }
            batch.execute();
        });
    }

    /** A charge of a finalized period as it is now. */
    record ChangedCharge(String chargeKey, String subscription, String customer, String meter, String group, String plan,
                         Integer planVersion, Instant periodStart, Instant periodEnd, BigDecimal quantity,
                         BigDecimal unitPrice, long amountMinor, String currency, long eventCount, long revision) {
    }
}
