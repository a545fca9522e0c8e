package io.valora.invoice.invoices;

import java.util.Locale;

/**
 * Where an invoice is in its life: {@code draft → finalized → paid | void}.
 *
 * <p>Why it exists: only a draft may be recomputed; anything later is immutable (late usage
 * then becomes an adjustment on a later invoice). {@link #canBecome} is the state machine; the
 * database enforces the same rule with a trigger (migration V4).
 */
public enum InvoiceStatus {
    DRAFT, FINALIZED, PAID, VOID;

    /** The value stored in the {@code status} column and shown in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an invoice in this state may move to {@code next}: draft → finalized | void, finalized → paid | void. */
    public boolean canBecome(InvoiceStatus next) {
        return switch (this) {
            case DRAFT -> next == FINALIZED || next == VOID;
            case FINALIZED -> next == PAID || next == VOID;
            case PAID, VOID -> false;
        };
    }

    /** Parses a stored status code. */
    public static InvoiceStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
