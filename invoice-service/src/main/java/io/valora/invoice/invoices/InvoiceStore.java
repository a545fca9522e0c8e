package io.valora.invoice.invoices;

import io.agroal.api.AgroalDataSource;
import io.valora.billing.invoice.InvoiceLine;
import io.valora.invoice.db.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes draft invoices and their lines.
 *
 * <p>Why it exists: a draft is recomputed in place — same invoice id, same line ids — so an
 * invoice is an upsert of its header followed by a replacement of its lines, in the caller's
 * transaction. An invoice that is no longer a draft is left untouched.
 */
@ApplicationScoped
public class InvoiceStore {

    private static final String UPSERT_HEADER = """
            INSERT INTO invoices (id, tenant, customer, period_start, period_end, currency, status,
                subtotal_minor, total_minor, charges_revision, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                period_end = excluded.period_end, currency = excluded.currency,
                subtotal_minor = excluded.subtotal_minor, total_minor = excluded.total_minor,
                charges_revision = excluded.charges_revision, updated_at = excluded.updated_at
            WHERE invoices.status = 'draft'
            """;

    private static final String INSERT_LINE = """
            INSERT INTO invoice_lines (id, invoice_id, tenant, position, kind, meter, description, quantity,
                unit_price, amount_minor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final AgroalDataSource dataSource;

    InvoiceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the draft, replacing an earlier draft of the same invoice.
     *
     * @return false when the invoice exists and is no longer a draft (nothing was written)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean saveDraft(InvoiceDraft draft, Instant now) {
        String id = draft.key().id();
        try (Connection c = dataSource.getConnection()) {
            if (!upsertHeader(c, id, draft, now)) {
                return false;
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM invoice_lines WHERE invoice_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            insertLines(c, id, draft);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store invoice " + id + ": " + e.getMessage(), e);
        }
    }

    private static boolean upsertHeader(Connection c, String id, InvoiceDraft draft, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_HEADER)) {
            ps.setString(1, id);
            ps.setString(2, draft.key().tenant());
            ps.setString(3, draft.key().customer());
            SqlTime.set(ps, 4, draft.key().periodStart());
            SqlTime.set(ps, 5, draft.periodEnd());
            ps.setString(6, draft.currency().getCurrencyCode());
            ps.setLong(7, draft.invoice().subtotal().toMinorUnits());
            ps.setLong(8, draft.invoice().total().toMinorUnits());
            ps.setLong(9, draft.chargesRevision());
            SqlTime.set(ps, 10, now);
            SqlTime.set(ps, 11, now);
            return ps.executeUpdate() == 1;
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
