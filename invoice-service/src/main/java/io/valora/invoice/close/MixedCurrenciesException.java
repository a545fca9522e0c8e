package io.valora.invoice.close;

import io.valora.invoice.invoices.InvoiceKey;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A customer's charges of one period are in more than one currency, so no single invoice can
 * carry them. Refused rather than converted: Valora never guesses an exchange rate.
 */
public final class MixedCurrenciesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient InvoiceKey key;

    /** @param meterByCurrency for each currency found, one meter charged in it */
    public MixedCurrenciesException(InvoiceKey key, Map<String, String> meterByCurrency) {
        super("Customer " + key.customer() + " has charges in more than one currency for the period starting "
                + key.periodStart() + " (" + meterByCurrency.entrySet().stream()
                .map(e -> e.getKey() + " on meter " + e.getValue()).collect(Collectors.joining(", "))
                + "); an invoice has one currency, so fix the plans so the customer is rated in one currency.");
        this.key = key;
    }

    /** The invoice that could not be built. */
    public InvoiceKey key() {
        return key;
    }
}
