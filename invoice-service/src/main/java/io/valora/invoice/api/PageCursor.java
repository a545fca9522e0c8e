package io.valora.invoice.api;

import io.valora.invoice.paging.PagePosition;
import io.valora.service.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The opaque {@code cursor} / {@code nextCursor} strings of list endpoints: a page position,
 * base64url-encoded so clients do not build or parse it.
 */
final class PageCursor {

    private PageCursor() {
    }

    static String encode(PagePosition position) {
        String raw = position.periodStart() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PagePosition decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new PagePosition(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-cursor",
                    "The cursor is not one this API returned; pass nextCursor from the previous page unchanged.");
        }
    }
}
