package io.valora.invoice.close;

import io.valora.billing.invoice.LineIds;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.invoice.subscriptions.SubscriptionStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries changes of charges whose period is already finalized (or paid) onto the next period,
 * as adjustment charges, so usage that updates a charge after its invoice went out is billed
 * once, on the next invoice.
 *
 * <p>Why it exists: an invoice may be finalized while rating can still update its period's
 * charges (grace plus idle-close delay). The finalized invoice never changes, so without this the
 * difference would never be billed. For each charge changed since its invoice was built, the
 * amount and quantity still unbilled are the charge's current values minus its line on the
 * finalized invoice (line id {@code LineIds.of("charge", tenant, chargeKey)}; no line = nothing
 * billed). That difference becomes the charge {@code <chargeKey>/carried} of the next period
 * ({@code adjustmentOf} = the finalized period), rewritten in place as the source changes again;
 * if that next invoice is finalized in turn, the same rule carries the carried charge on.
 */
public final class LateChanges {

    private static final String CHANGED = """
            SELECT c.charge_key, c.subscription, c.customer, c.meter, c.grp, c.plan, c.plan_version, c.period_start,
                   c.period_end, c.quantity, c.unit_price, c.amount_minor, c.currency, c.event_count, c.revision
            FROM rated_charges c
            JOIN invoices i ON i.tenant = c.tenant AND i.subscription = c.subscription AND i.period_start = c.period_start
            LEFT JOIN carried_charges k ON k.tenant = c.tenant AND k.charge_key = c.charge_key
            WHERE c.tenant = ? AND i.status IN ('finalized', 'paid') AND c.revision > i.charges_revision
              AND (k.revision IS NULL OR k.revision < c.revision)
            ORDER BY c.charge_key
            """;

    private LateChanges() {
    }

    /** Tenants with changed charges of finalized periods not carried yet. */
    public static List<String> tenants(Connection c) throws SQLException {
        String sql = """
                SELECT DISTINCT c.tenant FROM rated_charges c
                JOIN invoices i ON i.tenant = c.tenant AND i.subscription = c.subscription AND i.period_start = c.period_start
                LEFT JOIN carried_charges k ON k.tenant = c.tenant AND k.charge_key = c.charge_key
                WHERE i.status IN ('finalized', 'paid') AND c.revision > i.charges_revision
                  AND (k.revision IS NULL OR k.revision < c.revision)
                ORDER BY c.tenant
                """;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            return tenants;
        }
    }

    /** Carries the tenant's unbilled differences; returns how many charges were carried (non-zero differences). */
    public static int carry(Connection c, TenantScope scope) throws SQLException {
        String tenant = scope.id();
        List<Changed> changed = changed(c, tenant);
        if (changed.isEmpty()) {
            return 0;
        }
        Map<String, StoredSubscription> catalog = new HashMap<>();
        SubscriptionStore.on(c).byIds(scope, changed.stream().map(Changed::subscription).distinct().toList())
                .forEach(s -> catalog.put(s.id(), s));
        int carried = 0;
        try (PreparedStatement upsert = c.prepareStatement(UPSERT); PreparedStatement mark = c.prepareStatement(MARK)) {
            for (Changed ch : changed) {
                BigDecimal quantity = ch.quantity().subtract(ch.billedQuantity());
                long amount = ch.amountMinor() - ch.billedAmount();
                if (quantity.signum() != 0 || amount != 0) {
                    addCarry(upsert, tenant, ch, quantity, amount, nextPeriodEnd(catalog.get(ch.subscription()), ch));
                    carried++;
                }
                mark.setString(1, tenant);
                mark.setString(2, ch.chargeKey());
                mark.setLong(3, ch.revision());
                mark.addBatch();
            }
            upsert.executeBatch();
            mark.executeBatch();
        }
        return carried;
    }

    private static final String UPSERT = """
            INSERT INTO rated_charges (tenant, charge_key, subscription, meter, grp, plan, plan_version, period_start,
                period_end, adjustment_of, customer, quantity, unit_price, amount_minor, currency, event_count, sequence,
                final, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, nextval('charge_revisions'))
            ON CONFLICT (tenant, charge_key) DO UPDATE SET quantity = excluded.quantity, amount_minor = excluded.amount_minor,
                unit_price = excluded.unit_price, event_count = excluded.event_count, sequence = excluded.sequence,
                revision = excluded.revision
            WHERE excluded.sequence > rated_charges.sequence
            """;

    private static final String MARK = """
            INSERT INTO carried_charges (tenant, charge_key, revision) VALUES (?, ?, ?)
            ON CONFLICT (tenant, charge_key) DO UPDATE SET revision = greatest(carried_charges.revision, excluded.revision)
            """;

    private static void addCarry(PreparedStatement ps, String tenant, Changed ch, BigDecimal quantity, long amount,
                                 Instant nextEnd) throws SQLException {
        ps.setString(1, tenant);
        ps.setString(2, ch.chargeKey() + "/carried");
        ps.setString(3, ch.subscription());
        ps.setString(4, ch.meter());
        ps.setString(5, ch.group());
        ps.setString(6, ch.plan());
        if (ch.planVersion() == null) {
            ps.setNull(7, Types.INTEGER);
        } else {
            ps.setInt(7, ch.planVersion());
        }
        SqlTime.set(ps, 8, ch.periodEnd());
        SqlTime.set(ps, 9, nextEnd);
        SqlTime.set(ps, 10, ch.periodStart());
        ps.setString(11, ch.customer());
        ps.setBigDecimal(12, quantity);
        ps.setBigDecimal(13, ch.unitPrice());
        ps.setLong(14, amount);
        ps.setString(15, ch.currency());
        ps.setLong(16, ch.eventCount());
        // The source's revision only grows, so a newer difference always replaces an older one.
        ps.setLong(17, ch.revision());
        ps.addBatch();
    }

    /** End of the period after the finalized one: by the subscription's calendar, else as long as the finalized one. */
    private static Instant nextPeriodEnd(StoredSubscription subscription, Changed ch) {
        if (subscription != null) {
            return subscription.calendar().periodContaining(ch.periodEnd()).end();
        }
        return ch.periodEnd().plus(Duration.between(ch.periodStart(), ch.periodEnd()));
    }

    private static List<Changed> changed(Connection c, String tenant) throws SQLException {
        List<Changed> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CHANGED)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer version = rs.getObject("plan_version", Integer.class);
                    found.add(new Changed(rs.getString("charge_key"), rs.getString("subscription"), rs.getString("customer"),
                            rs.getString("meter"), rs.getString("grp"), rs.getString("plan"), version,
                            SqlTime.get(rs, "period_start"), SqlTime.get(rs, "period_end"), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("unit_price"), rs.getLong("amount_minor"), rs.getString("currency"),
                            rs.getLong("event_count"), rs.getLong("revision"), BigDecimal.ZERO, 0));
                }
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        // What the finalized invoice billed for each charge: its line, whose id is derived from the charge key.
        Map<String, Changed> byLine = new HashMap<>();
        found.forEach(ch -> byLine.put(LineIds.of("charge", tenant, ch.chargeKey()), ch));
        Map<String, Changed> billed = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, quantity, amount_minor FROM invoice_lines WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", byLine.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Changed ch = byLine.get(rs.getString(1));
                    billed.put(ch.chargeKey(), ch.billed(rs.getBigDecimal(2), rs.getLong(3)));
                }
            }
        }
        return found.stream().map(ch -> billed.getOrDefault(ch.chargeKey(), ch)).toList();
    }

    private record Changed(String chargeKey, String subscription, String customer, String meter, String group, String plan,
                           Integer planVersion, Instant periodStart, Instant periodEnd, BigDecimal quantity,
                           BigDecimal unitPrice, long amountMinor, String currency, long eventCount, long revision,
                           BigDecimal billedQuantity, long billedAmount) {

        Changed billed(BigDecimal quantity, long amount) {
            return new Changed(chargeKey, subscription, customer, meter, group, plan, planVersion, periodStart, periodEnd,
                    this.quantity, unitPrice, amountMinor, currency, eventCount, revision, quantity, amount);
        }
    }
}
