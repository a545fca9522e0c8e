package io.valora.invoice.paging;

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

    /**
     * The keyset-pagination tail of a list query ordered by {@code (timeColumn, idColumn)}: an
     * {@code AND (..) > (?, ?)} condition when continuing after {@code after} (its two values are
     * appended to {@code args}), then the order and the limit.
     */
    public static String keysetPage(String timeColumn, String idColumn, java.util.Optional<PagePosition> after,
                                    int limit, java.util.List<Object> args) {
        String tail = "";
        if (after.isPresent()) {
            tail = " AND (" + timeColumn + ", " + idColumn + ") > (?, ?)";
            args.add(after.get().periodStart());
            args.add(after.get().id());
        }
        return tail + " ORDER BY " + timeColumn + ", " + idColumn + " LIMIT " + limit;
    }
}
