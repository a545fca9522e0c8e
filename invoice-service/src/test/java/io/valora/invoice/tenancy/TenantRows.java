package io.valora.invoice.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One minimal valid row per tenant table, as SQL, for a given tenant and row name: what
 * {@link RowLevelSecurityTest} seeds as the owner and then tries to read, change and insert from
 * another tenant's session.
 *
 * <p>Why it exists: the isolation test must cover every tenant table; building the rows here, in
 * the order the foreign keys need, keeps the test itself about isolation.
 */
final class TenantRows {

    /** The tenant column of each table: {@code tenant}, but {@code id} for {@code tenants} itself. */
    static String tenantColumn(String table) {
        return "tenants".equals(table) ? "id" : "tenant";
    }

    /** Table → the INSERT of one row of {@code (tenant, name)}, in foreign-key order. */
    static Map<String, BiFunction<String, String, String>> inserts() {
        Map<String, BiFunction<String, String, String>> rows = new LinkedHashMap<>();
        rows.put("tenants", (t, n) -> "INSERT INTO tenants (id, name, created_at) VALUES ('" + t + "', '" + n + "', now())");
        rows.put("api_keys", (t, n) -> "INSERT INTO api_keys (id, tenant, key_hash, name, scopes, created_at) VALUES ('key_"
                + t + n + "', '" + t + "', '" + sha256(t + n) + "', '" + n + "', ARRAY['read'], now())");
        rows.put("outbox", (t, n) -> "INSERT INTO outbox (tenant, topic, record_key, payload, created_at, sent_at) VALUES ('"
                + t + "', 'rls-probe', '" + t + n + "', NULL, now(), now())");
        rows.put("rated_charges", (t, n) -> "INSERT INTO rated_charges (tenant, charge_key, subscription, meter, period_start, "
                + "period_end, customer, quantity, unit_price, amount_minor, currency, event_count, sequence, final, revision) "
                + "VALUES ('" + t + "', '" + n + "', 'sub-" + n + "', 'm', '2020-01-01Z', '2020-02-01Z', 'c', 1, 1, 100, 'USD', "
                + "1, 1, true, nextval('charge_revisions'))");
        rows.put("invoices", (t, n) -> "INSERT INTO invoices (id, tenant, customer, subscription, period_start, period_end, "
                + "currency, status, subtotal_minor, total_minor, charges_revision, created_at, updated_at, number) VALUES ('inv-"
                + t + n + "', '" + t + "', 'c', 'sub-" + n + "', '2020-01-01Z', '2020-02-01Z', 'USD', 'draft', 100, 100, 0, "
                + "now(), now(), " + (1_000_000 + Math.abs((t + n).hashCode() % 1_000_000)) + ")");
        rows.put("invoice_lines", (t, n) -> "INSERT INTO invoice_lines (id, invoice_id, tenant, position, kind, description, "
                + "quantity, amount_minor) VALUES ('line-" + t + n + "', 'inv-" + t + n + "', '" + t + "', 0, 'USAGE', 'probe', 1, 100)");
        rows.put("invoice_counters", (t, n) -> "INSERT INTO invoice_counters (tenant) VALUES ('" + t + "')");
        rows.put("customers", (t, n) -> "INSERT INTO customers (tenant, external_id, time_zone, currency, created_at, updated_at) "
                + "VALUES ('" + t + "', '" + n + "', 'UTC', 'USD', now(), now())");
        rows.put("meters", (t, n) -> "INSERT INTO meters (tenant, meter_key, event_type, aggregation, created_at) VALUES ('"
                + t + "', '" + n + "', 'probe', 'count', now())");
        rows.put("plans", (t, n) -> "INSERT INTO plans (tenant, plan_key, version, currency, cadence, record, created_at) VALUES ('"
                + t + "', '" + n + "', 1, 'USD', 'MONTHLY', '\\x00'::bytea, now())");
        rows.put("subscriptions", (t, n) -> "INSERT INTO subscriptions (tenant, id, customer, time_zone, cadence, anchor, "
                + "start_at, phases, created_at, updated_at) VALUES ('" + t + "', 'sub-" + n + "', '" + n
                + "', 'UTC', 'MONTHLY', 'calendar', '2020-01-01Z', '[]', now(), now())");
        rows.put("subscription_schedule", (t, n) -> "INSERT INTO subscription_schedule (tenant, id, next_period_end) VALUES ('"
                + t + "', 'sub-" + n + "', 'infinity')");
        rows.put("close_failures", (t, n) -> "INSERT INTO close_failures (tenant, subscription, period_start, period_end, attempts, "
                + "error, first_failed_at, last_failed_at, retry_at) VALUES ('" + t + "', 'sub-" + n
                + "', '2020-01-01Z', '2020-02-01Z', 1, 'probe', now(), now(), 'infinity')");
        rows.put("carried_charges", (t, n) -> "INSERT INTO carried_charges (tenant, charge_key, revision) VALUES ('"
                + t + "', '" + n + "', 1)");
        return rows;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TenantRows() {
    }
}
