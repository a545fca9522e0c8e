package io.valora.invoice.api;

import io.valora.invoice.paging.PagePosition;
import io.valora.service.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cursor pagination shared by every list endpoint: the {@code limit} parameter (1–200, default
 * 50), the opaque {@code cursor}, and cutting a page that was fetched one item long.
 *
 * <p>Why it exists: every list answers the same way — fetch {@code limit + 1}, return
 * {@code limit}, and a {@code nextCursor} only when there is more.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private Paging() {
    }

    /** The page size requested by {@code limit}; 400 problem when it is not 1–200. */
    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /** The position after which the page starts, from {@code cursor}. */
    static Optional<PagePosition> after(String cursor) {
        return Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(PageCursor::decode);
    }

    /**
     * The first {@code pageSize} of {@code found} (fetched with {@code pageSize + 1}) and the
     * cursor of the next page, or null when {@code found} holds no more.
     */
    static <T> Page<T> cut(List<T> found, int pageSize, Function<T, PagePosition> position) {
        List<T> page = found.subList(0, Math.min(pageSize, found.size()));
        String next = found.size() > pageSize ? PageCursor.encode(position.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    /**
     * One page.
     *
     * @param items      the items
     * @param nextCursor cursor of the next page, or null
     * @param <T>        item type
     */
    record Page<T>(List<T> items, String nextCursor) {
    }
}
