package io.valora.invoice.lifecycle;

import io.valora.invoice.invoices.InvoiceStatus;

/**
 * The requests that move an invoice along {@code draft → finalized → paid | void}: the state
 * each leads to, the column that records when, and the event it publishes.
 *
 * <p>Why it exists: the three endpoints differ only in these values.
 */
public enum Transition {
    FINALIZE(InvoiceStatus.FINALIZED, "finalized_at", "invoice.finalized"),
    MARK_PAID(InvoiceStatus.PAID, "paid_at", "invoice.paid"),
    VOID(InvoiceStatus.VOID, "voided_at", "invoice.voided");

    private final InvoiceStatus target;
    private final String timeColumn;
    private final String eventType;

    Transition(InvoiceStatus target, String timeColumn, String eventType) {
        this.target = target;
        this.timeColumn = timeColumn;
        this.eventType = eventType;
    }

    /** The state the invoice is in afterwards. */
    public InvoiceStatus target() {
        return target;
    }

    /** The column that records when it happened. */
    String timeColumn() {
        return timeColumn;
    }

    /** The {@code type} of the {@code InvoiceEvent} it publishes. */
    public String eventType() {
        return eventType;
    }
}
