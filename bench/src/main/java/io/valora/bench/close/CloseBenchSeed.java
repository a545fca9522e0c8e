package io.valora.bench.close;

import io.valora.invoice.plans.PlanRecords;
import io.valora.invoice.subscriptions.Phase;
import io.valora.invoice.subscriptions.PhasesJson;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanFlatFee;
import io.valora.schemas.PlanUsageCharge;
import io.valora.schemas.PriceModelSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes the benchmark's catalog and usage straight into the invoice-service schema: one tenant,
 * one plan (a 49.00 flat fee, per-unit usage), {@code n} monthly subscriptions started on
 * 2026-10-01 (UTC, calendar anchor, so October is due), and one final rated charge of October each
 * ({@code amountMinor = 100 + i % 1000}), so every invoice has a FLAT_FEE and a USAGE line.
 *
 * <p>Why it exists: the measured part is the close, not the set-up; batched inserts get 100,000
 * subscriptions in place in seconds.
 */
final class CloseBenchSeed {

    static final String TENANT = "bench";
    static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    static final long FEE_MINOR = 4900;
    private static final int BATCH = 5_000;

    private CloseBenchSeed() {
    }

    /** Seeds {@code n} subscriptions; returns the exact expected sum of all invoice totals, in cents. */
    static long seed(Connection c, int n) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, TENANT);
            ps.setString(2, "Benchmark tenant");
            ps.setTimestamp(3, Timestamp.from(OCT));
            ps.executeUpdate();
        }
        Plan plan = Plan.newBuilder().setTenant(TENANT).setKey("pro").setVersion(1).setName("Pro").setCurrency("USD")
                .setRounding("HALF_UP").setCadence("MONTHLY")
                .setFlatFees(List.of(PlanFlatFee.newBuilder().setCode("platform").setDescription("Platform fee").setAmount("49.00").build()))
                .setUsageCharges(List.of(PlanUsageCharge.newBuilder().setMeter("api_call")
                        .setModel(PriceModelSpec.newBuilder().setKind("per_unit").setUnitPrice("0.01").build()).build()))
                .setCreatedAt(OCT).build();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plans (tenant, plan_key, version, currency, cadence, record, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, TENANT);
            ps.setString(2, "pro");
            ps.setInt(3, 1);
            ps.setString(4, "USD");
            ps.setString(5, "MONTHLY");
            ps.setBytes(6, PlanRecords.encode(plan));
            ps.setTimestamp(7, Timestamp.from(OCT));
            ps.executeUpdate();
        }
        String phases = PhasesJson.write(List.of(new Phase("pro", 1, OCT, Optional.empty())));
        long expected = 0;
        try (PreparedStatement subs = c.prepareStatement("INSERT INTO subscriptions (tenant, id, external_id, customer, "
                + "time_zone, cadence, anchor, start_at, end_at, trial_end_at, phases, created_at, updated_at) "
                + "VALUES (?, ?, NULL, ?, 'UTC', 'MONTHLY', '2026-10-01T00:00', ?, NULL, NULL, ?::jsonb, ?, ?)");
             PreparedStatement schedule = c.prepareStatement(
                     "INSERT INTO subscription_schedule (tenant, id, next_period_end) VALUES (?, ?, ?)");
             PreparedStatement charges = c.prepareStatement("INSERT INTO rated_charges (tenant, charge_key, subscription, meter, "
                     + "grp, plan, plan_version, period_start, period_end, adjustment_of, customer, quantity, unit_price, "
                     + "amount_minor, currency, event_count, sequence, final, revision) VALUES (?, ?, ?, 'api_call', NULL, 'pro', 1, "
                     + "?, ?, NULL, ?, ?, 0.01, ?, 'USD', 1, 1, true, nextval('charge_revisions'))")) {
            for (int i = 0; i < n; i++) {
                String id = String.format("sub_%07d", i);
                String customer = String.format("cust-%07d", i);
                subs.setString(1, TENANT);
                subs.setString(2, id);
                subs.setString(3, customer);
                subs.setTimestamp(4, Timestamp.from(OCT));
                subs.setString(5, phases);
                subs.setTimestamp(6, Timestamp.from(OCT));
                subs.setTimestamp(7, Timestamp.from(OCT));
                subs.addBatch();
                schedule.setString(1, TENANT);
                schedule.setString(2, id);
                schedule.setTimestamp(3, Timestamp.from(NOV));
                schedule.addBatch();
                long amount = 100 + i % 1000;
                charges.setString(1, TENANT);
                charges.setString(2, TENANT + "/" + id + "/api_call/-/pro@1/" + OCT.toEpochMilli());
                charges.setString(3, id);
                charges.setTimestamp(4, Timestamp.from(OCT));
                charges.setTimestamp(5, Timestamp.from(NOV));
                charges.setString(6, customer);
                charges.setBigDecimal(7, java.math.BigDecimal.valueOf(amount));
                charges.setLong(8, amount);
                charges.addBatch();
                expected += FEE_MINOR + amount;
                if ((i + 1) % BATCH == 0 || i == n - 1) {
                    subs.executeBatch();
                    schedule.executeBatch();
                    charges.executeBatch();
                }
            }
        }
        c.commit();
        try (var st = c.createStatement()) {
            st.execute("ANALYZE");
        }
        c.commit();
        return expected;
    }
}
