package io.valora.invoice.invoices;

import io.agroal.api.AgroalDataSource;
import io.valora.billing.invoice.InvoiceLine;
import io.valora.invoice.db.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes draft invoices and their lines.
 *
 * <p>Why it exists: a draft is recomputed in place — same invoice id, same line ids — so an
 * invoice is an upsert of its header followed by a replacement of its lines, in the caller's
 * transaction. An invoice that is no longer a draft is left untouched. A new invoice takes the
 * tenant's next number (highest + 1) while holding the tenant's {@code invoice_counters} row lock,
 * so concurrent closes number one after the other without gaps, and re-checks for the invoice
 * under the lock, so two concurrent closes of one period never make two invoices.
 */
@ApplicationScoped
public class InvoiceStore {

    private static final String INSERT_HEADER = """
            INSERT INTO invoices (period_end, currency, subtotal_minor, total_minor, charges_revision, updated_at,
                id, tenant, customer, period_start, created_at, number, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft')
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

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transaction;

    InvoiceStore(AgroalDataSource dataSource, TransactionSynchronizationRegistry transaction) {
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /**
     * Stores the draft, replacing an earlier draft of the same invoice.
     *
     * @return what was done; {@link SaveOutcome#FROZEN} when the invoice is no longer a draft
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SaveOutcome saveDraft(InvoiceDraft draft, Instant now) {
        String id = draft.key().id();
        try (Connection c = dataSource.getConnection()) {
            Optional<String> status = lockedStatus(c, id);
            long number = 0;
            if (status.isEmpty()) {
                number = lockNumbering(c, draft.key().tenant()) + 1;
                status = lockedStatus(c, id);
            }
            if (status.isPresent() && !status.get().equals(InvoiceStatus.DRAFT.code())) {
                return SaveOutcome.FROZEN;
            }
            SaveOutcome outcome = status.isPresent() ? SaveOutcome.UPDATED : SaveOutcome.CREATED;
            writeHeader(c, draft, now, outcome == SaveOutcome.CREATED ? number : 0);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM invoice_lines WHERE invoice_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            insertLines(c, id, draft);
            return outcome;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store invoice " + id + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> lockedStatus(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM invoices WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Takes the tenant's numbering lock (its {@code invoice_counters} row, held until commit; taken
     * once per transaction) and returns the last number given: the highest of the tenant's invoices.
     */
    private long lockNumbering(Connection c, String tenant) throws SQLException {
        String key = InvoiceStore.class.getName() + "/" + tenant;
        if (transaction.getResource(key) == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO invoice_counters (tenant) VALUES (?) ON CONFLICT (tenant) DO NOTHING")) {
                ps.setString(1, tenant);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM invoice_counters WHERE tenant = ? FOR UPDATE")) {
                ps.setString(1, tenant);
                ps.executeQuery().close();
            }
            transaction.putResource(key, Boolean.TRUE);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(number), 0) FROM invoices WHERE tenant = ?")) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void writeHeader(Connection c, InvoiceDraft draft, Instant now, long number) throws SQLException {
        boolean insert = number > 0;
        try (PreparedStatement ps = c.prepareStatement(insert ? INSERT_HEADER : UPDATE_HEADER)) {
            SqlTime.set(ps, 1, draft.periodEnd());
            ps.setString(2, draft.currency().getCurrencyCode());
            ps.setLong(3, draft.invoice().subtotal().toMinorUnits());
            ps.setLong(4, draft.invoice().total().toMinorUnits());
            ps.setLong(5, draft.chargesRevision());
            SqlTime.set(ps, 6, now);
            ps.setString(7, draft.key().id());
            if (insert) {
                ps.setString(8, draft.key().tenant());
                ps.setString(9, draft.key().customer());
                SqlTime.set(ps, 10, draft.key().periodStart());
                SqlTime.set(ps, 11, now);
                ps.setLong(12, number);
            }
            ps.executeUpdate();
        }
    }

    private static void insertLines(Connection c, String id, InvoiceDraft draft) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_LINE)) {
            int position = 0;
            for (DraftLine draftLine : draft.lines()) {
                InvoiceLine line = draftLine.line();
                ps.setString(1, line.id());
                ps.setString(2, id);
                ps.setString(3, draft.key().tenant());
                ps.setInt(4, position++);
                ps.setString(5, line.kind().name());
                ps.setString(6, draftLine.meter());
                ps.setString(7, line.description());
                ps.setBigDecimal(8, line.quantity());
                ps.setBigDecimal(9, draftLine.unitPrice());
                ps.setLong(10, line.amount().toMinorUnits());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
