package io.valora.invoice.lifecycle;

import io.valora.invoice.invoices.InvoiceStatus;

/**
 * The requests that move an invoice along {@code draft → finalized → paid | void}: the state
 * each leads to and the event it publishes.
 *
 * <p>Why it exists: the three endpoints differ only in these values.
 */
public enum Transition {
    FINALIZE(InvoiceStatus.FINALIZED, "invoice.finalized"),
    MARK_PAID(InvoiceStatus.PAID, "invoice.paid"),
    VOID(InvoiceStatus.VOID, "invoice.voided");

    private final InvoiceStatus target;
    private final String eventType;

    Transition(InvoiceStatus target, String eventType) {
        this.target = target;
        this.eventType = eventType;
    }

    /** The state the invoice is in afterwards. */
    public InvoiceStatus target() {
        return target;
    }

    /** The {@code type} of the {@code InvoiceEvent} it publishes. */
    public String eventType() {
        return eventType;
    }
}
