package io.valora.invoice.invoices;

import io.valora.billing.invoice.InvoiceLine;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.outbox.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a batch of draft invoices and their lines, set-based, in the caller's transaction on a
 * plain JDBC connection.
 *
 * <p>Why it exists: closing many periods must cost a few round trips per batch, not per invoice.
 * A draft is recomputed in place (same invoice id, same line ids); an invoice that is no longer a
 * draft is left untouched. The tenant's {@code invoice_counters} row is locked first and held until
 * commit, then the batch's existing invoices are read: anything a concurrent close created is
 * visible by then, so two closes of one period never make two invoices. New invoices take
 * highest + 1, + 2, … in the drafts' order — sequential and gapless — and each gets an
 * {@code invoice.created} event in the outbox, in the same transaction.
 */
public final class InvoiceWriter {

    private static final String INSERT_HEADER = """
            INSERT INTO invoices (id, tenant, subscription, customer, period_start, period_end, currency, subtotal_minor,
                total_minor, charges_revision, created_at, updated_at, number, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft')
            """;

    private static final String UPDATE_HEADER = """
            UPDATE invoices SET period_end = ?, currency = ?, subtotal_minor = ?, total_minor = ?,
                charges_revision = ?, updated_at = ?
            WHERE id = ? AND status = 'draft'
            """;

    private static final String INSERT_LINE = """
            INSERT INTO invoice_lines (id, invoice_id, tenant, position, kind, meter, description, quantity,
                unit_price, amount_minor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String INSERT_OUTBOX =
            "INSERT INTO outbox (tenant, topic, record_key, payload, created_at) VALUES (?, ?, ?, ?, ?)";

    private InvoiceWriter() {
    }

    /**
     * Stores the drafts of one tenant.
     *
     * @param eventsTopic topic of the {@code invoice.created} events
     * @return per invoice id, what was done ({@link SaveOutcome#FROZEN} when no longer a draft)
     */
    public static Map<String, SaveOutcome> write(Connection c, TenantScope scope, List<InvoiceDraft> drafts, Instant now,
                                                 String eventsTopic) throws SQLException {
        String tenant = scope.id();
        Map<String, SaveOutcome> outcomes = new LinkedHashMap<>();
        if (drafts.isEmpty()) {
            return outcomes;
        }
        long last = lockNumbering(c, tenant);
        Map<String, String> statuses = statuses(c, drafts.stream().map(d -> d.key().id()).toList());
        List<InvoiceDraft> created = new ArrayList<>();
        List<InvoiceDraft> updated = new ArrayList<>();
        for (InvoiceDraft draft : drafts) {
            String id = draft.key().id();
            String status = statuses.get(id);
            if (outcomes.containsKey(id)) {
                continue;
            }
            if (status == null) {
                created.add(draft);
                outcomes.put(id, SaveOutcome.CREATED);
            } else if (status.equals(InvoiceStatus.DRAFT.code())) {
                updated.add(draft);
                outcomes.put(id, SaveOutcome.UPDATED);
            } else {
                outcomes.put(id, SaveOutcome.FROZEN);
            }
        }
        Map<String, Long> numbers = new HashMap<>();
        for (InvoiceDraft draft : created) {
            numbers.put(draft.key().id(), ++last);
        }
        insertHeaders(c, created, numbers, now);
        updateHeaders(c, updated, now);
        deleteLines(c, updated);
        List<InvoiceDraft> withLines = new ArrayList<>(created);
        withLines.addAll(updated);
        insertLines(c, withLines);
        insertEvents(c, created, numbers, now, eventsTopic);
        return outcomes;
    }

    /**
     * Takes the tenant's numbering lock (its {@code invoice_counters} row, held until commit) and
     * returns the last number given: the highest of the tenant's invoices.
     */
    private static long lockNumbering(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO invoice_counters (tenant) VALUES (?) ON CONFLICT (tenant) DO NOTHING")) {
            ps.setString(1, tenant);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM invoice_counters WHERE tenant = ? FOR UPDATE")) {
            ps.setString(1, tenant);
            ps.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(number), 0) FROM invoices WHERE tenant = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, String> statuses(Connection c, List<String> ids) throws SQLException {
        Map<String, String> statuses = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM invoices WHERE id = ANY (?) FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return statuses;
    }

    private static void insertHeaders(Connection c, List<InvoiceDraft> drafts, Map<String, Long> numbers, Instant now)
            throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_HEADER)) {
            for (InvoiceDraft draft : drafts) {
                InvoiceKey key = draft.key();
                ps.setString(1, key.id());
                ps.setString(2, key.tenant());
                ps.setString(3, key.subscription());
                ps.setString(4, key.customer());
                SqlTime.set(ps, 5, key.periodStart());
                SqlTime.set(ps, 6, draft.periodEnd());
                ps.setString(7, draft.currency().getCurrencyCode());
                ps.setLong(8, draft.invoice().subtotal().toMinorUnits());
                ps.setLong(9, draft.invoice().total().toMinorUnits());
                ps.setLong(10, draft.chargesRevision());
                SqlTime.set(ps, 11, now);
                SqlTime.set(ps, 12, now);
                ps.setLong(13, numbers.get(key.id()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void updateHeaders(Connection c, List<InvoiceDraft> drafts, Instant now) throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEADER)) {
            for (InvoiceDraft draft : drafts) {
                SqlTime.set(ps, 1, draft.periodEnd());
                ps.setString(2, draft.currency().getCurrencyCode());
                ps.setLong(3, draft.invoice().subtotal().toMinorUnits());
                ps.setLong(4, draft.invoice().total().toMinorUnits());
                ps.setLong(5, draft.chargesRevision());
                SqlTime.set(ps, 6, now);
                ps.setString(7, draft.key().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void deleteLines(Connection c, List<InvoiceDraft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM invoice_lines WHERE invoice_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", drafts.stream().map(d -> d.key().id()).toArray()));
            ps.executeUpdate();
        }
    }

    private static void insertLines(Connection c, List<InvoiceDraft> drafts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_LINE)) {
            int rows = 0;
            for (InvoiceDraft draft : drafts) {
                int position = 0;
                for (DraftLine draftLine : draft.lines()) {
                    InvoiceLine line = draftLine.line();
                    ps.setString(1, line.id());
                    ps.setString(2, draft.key().id());
                    ps.setString(3, draft.key().tenant());
                    ps.setInt(4, position++);
                    ps.setString(5, line.kind().name());
                    ps.setString(6, draftLine.meter());
                    ps.setString(7, line.description());
                    ps.setBigDecimal(8, line.quantity());
                    ps.setBigDecimal(9, draftLine.unitPrice());
                    ps.setLong(10, line.amount().toMinorUnits());
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void insertEvents(Connection c, List<InvoiceDraft> drafts, Map<String, Long> numbers, Instant now,
                                     String topic) throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
            for (InvoiceDraft draft : drafts) {
                StoredInvoice invoice = new StoredInvoice(draft.key().id(), draft.key(),
                        new StoredInvoice.Header(draft.periodEnd(), draft.currency().getCurrencyCode(), InvoiceStatus.DRAFT,
                                draft.invoice().subtotal().toMinorUnits(), draft.invoice().total().toMinorUnits()),
                        new StoredInvoice.Lifecycle(numbers.get(draft.key().id()), Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.empty()), List.of());
                OutboxMessage message = InvoiceEvents.message(topic, invoice, InvoiceEvents.CREATED, now);
                ps.setString(1, message.tenant());
                ps.setString(2, message.topic());
                ps.setString(3, message.key());
                ps.setBytes(4, message.payload());
                SqlTime.set(ps, 5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
