package io.valora.invoice.lifecycle;

import io.valora.invoice.invoices.InvoiceStatus;

/** The invoice's state does not allow the requested transition; the API answers 409. */
public final class InvalidTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the invoice; {@code from} its state; {@code to} the requested one */
    public InvalidTransitionException(String id, InvoiceStatus from, InvoiceStatus to) {
        super("Invoice " + id + " is " + from.code() + " and cannot become " + to.code()
                + ": invoices go draft → finalized → paid, and draft or finalized → void.", null, false, false);
    }
}
