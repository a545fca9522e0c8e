package io.valora.invoice.lifecycle;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.invoices.InvoiceQueries;
import io.valora.invoice.invoices.InvoiceStatus;
import io.valora.invoice.invoices.StoredInvoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves a tenant's invoice along {@code draft → finalized → paid | void} and publishes the
 * matching {@code InvoiceEvent} through the outbox, in one transaction.
 *
 * <p>Why it exists: the state check and the change happen under the invoice's row lock, so two
 * concurrent requests cannot both succeed (e.g. void and mark-paid); the event is committed with
 * the change, so a payment integration hears of every finalized invoice exactly when it exists.
 */
@ApplicationScoped
public class InvoiceLifecycle {

    private final AgroalDataSource dataSource;
    private final TenantSession session;
    private final InvoiceQueries queries;
    private final InvoiceEventPublisher events;
    private final Clock clock;

    InvoiceLifecycle(AgroalDataSource dataSource, TenantSession session, InvoiceQueries queries,
                     InvoiceEventPublisher events, Clock clock) {
        this.dataSource = dataSource;
        this.session = session;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies {@code transition} to the tenant's invoice.
     *
     * @param paymentReference required for {@link Transition#MARK_PAID}, ignored otherwise (validated by the caller)
     * @return the invoice afterwards; empty when the tenant has no invoice with this id
     * @throws InvalidTransitionException when the invoice's state does not allow it
     */
    @Transactional
    public Optional<StoredInvoice> apply(String tenant, String id, Transition transition, Optional<String> paymentReference) {
        session.enter(tenant);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            Optional<InvoiceStatus> status = lockedStatus(c, tenant, id);
            if (status.isEmpty()) {
                return Optional.empty();
            }
            if (!status.get().canBecome(transition.target())) {
                throw new InvalidTransitionException(id, status.get(), transition.target());
            }
            update(c, tenant, id, transition, paymentReference, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update invoice " + id + ": " + e.getMessage(), e);
        }
        StoredInvoice invoice = queries.find(tenant, id).orElseThrow();
        events.publish(invoice, transition.eventType(), now);
        return Optional.of(invoice);
    }

    private static Optional<InvoiceStatus> lockedStatus(Connection c, String tenant, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM invoices WHERE tenant = ? AND id = ? FOR UPDATE")) {
            ps.setString(1, tenant);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(InvoiceStatus.ofCode(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static void update(Connection c, String tenant, String id, Transition transition,
                               Optional<String> paymentReference, Instant now) throws SQLException {
        String sql = "UPDATE invoices SET status = ?, " + transition.timeColumn() + " = ?, updated_at = ?"
                + (transition == Transition.MARK_PAID ? ", payment_reference = ?" : "")
                + " WHERE tenant = ? AND id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, transition.target().code());
            SqlTime.set(ps, i++, now);
            SqlTime.set(ps, i++, now);
            if (transition == Transition.MARK_PAID) {
                ps.setString(i++, paymentReference.orElseThrow());
            }
            ps.setString(i++, tenant);
            ps.setString(i, id);
            ps.executeUpdate();
        }
    }
}
