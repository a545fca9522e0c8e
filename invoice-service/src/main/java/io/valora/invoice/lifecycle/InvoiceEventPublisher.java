package io.valora.invoice.lifecycle;

import io.valora.invoice.invoices.InvoiceEvents;
import io.valora.invoice.invoices.StoredInvoice;
import io.valora.invoice.outbox.Outbox;
import io.valora.invoice.outbox.OutboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes an invoice's {@code InvoiceEvent} to the outbox for the invoice-events topic, in the
 * caller's transaction.
 *
 * <p>Why it exists: the period close and the state transitions announce invoices the same way.
 */
@ApplicationScoped
public class InvoiceEventPublisher {

    private final Outbox outbox;
    private final OutboxSettings settings;

    InvoiceEventPublisher(Outbox outbox, OutboxSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Appends the event of type {@code type} for {@code invoice} as it is now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(StoredInvoice invoice, String type, Instant occurredAt) {
        outbox.append(InvoiceEvents.message(settings.invoiceEventsTopic(), invoice, type, occurredAt));
    }
}
