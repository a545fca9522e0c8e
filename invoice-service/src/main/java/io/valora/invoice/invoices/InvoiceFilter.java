package io.valora.invoice.invoices;

import java.time.Instant;
import java.util.Optional;

/**
 * Which of a tenant's invoices a list shows: optionally one customer, one status, and billing
 * periods starting in {@code [from, to)}.
 *
 * @param customer the customer's external id
 * @param status   the life-cycle state
 * @param from     earliest period start, inclusive
 * @param to       latest period start, exclusive
 */
public record InvoiceFilter(Optional<String> customer, Optional<InvoiceStatus> status, Optional<Instant> from,
                            Optional<Instant> to) {

    /** Every invoice. */
    public static InvoiceFilter all() {
        return new InvoiceFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Only this customer's invoices. */
    public static InvoiceFilter customer(String customer) {
        return new InvoiceFilter(Optional.of(customer), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
