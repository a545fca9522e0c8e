package io.valora.invoice.invoices;

/**
 * What {@link InvoiceStore#write} did with one draft.
 *
 * <p>Why it exists: only a newly created invoice gets a number and an {@code invoice.created}
 * event; a recomputed draft gets neither, and an invoice that has left draft is not touched.
 */
public enum SaveOutcome {
    /** A new draft, with the tenant's next number. */
    CREATED,
    /** An existing draft recomputed in place. */
    UPDATED,
    /** The invoice is finalized, paid or void: nothing was written. */
    FROZEN
}
