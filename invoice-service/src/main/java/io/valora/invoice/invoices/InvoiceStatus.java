package io.valora.invoice.invoices;

import java.util.Locale;

/**
 * Where an invoice is in its life: {@code draft → finalized → paid | void}.
 *
 * <p>Why it exists: only a draft may be recomputed; anything later is immutable (late usage
 * then becomes an adjustment on a later invoice). This foundation release writes drafts only.
 */
public enum InvoiceStatus {
    DRAFT, FINALIZED, PAID, VOID;

    /** The value stored in the {@code status} column and shown in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored status code. */
    public static InvoiceStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
