package io.valora.invoice.invoices;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of invoices ends, in the list order (period start, id): the next page starts
 * after it. Keyset pagination, so pages stay stable while invoices are added.
 *
 * @param periodStart period start of the last invoice of the page
 * @param id          id of the last invoice of the page
 */
public record PagePosition(Instant periodStart, String id) {

    /** Both parts are required. */
    public PagePosition {
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(id, "id");
    }
}
