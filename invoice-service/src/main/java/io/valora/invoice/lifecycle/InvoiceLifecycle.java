package io.valora.invoice.lifecycle;

import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.invoices.InvoiceStatus;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.StoredInvoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

    private final TenantSession session;
    private final InvoiceStore invoices;
    private final InvoiceEventPublisher events;
    private final Clock clock;

    InvoiceLifecycle(TenantSession session, InvoiceStore invoices, InvoiceEventPublisher events, Clock clock) {
        this.session = session;
        this.invoices = invoices;
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
        TenantScope scope = session.enter(tenant);
        Instant now = clock.instant();
        Optional<InvoiceStatus> status = invoices.lockStatus(scope, id);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        if (!status.get().canBecome(transition.target())) {
            throw new InvalidTransitionException(id, status.get(), transition.target());
        }
        invoices.changeStatus(scope, id, transition.target(),
                transition == Transition.MARK_PAID ? Optional.of(paymentReference.orElseThrow()) : Optional.empty(), now);
        StoredInvoice invoice = invoices.find(scope, id).orElseThrow();
        events.publish(invoice, transition.eventType(), now);
        return Optional.of(invoice);
    }
}
