package io.valora.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). Every error of every Valora
 * API has this shape and a stable {@code type} URI, so clients branch on the type, not on the text.
 *
 * @param type {@code https://valora.dev/problems/<name>}
 * @param title short, fixed summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence and how to fix it
 * @param errors per-field or per-item reasons when there are several (strings, or
 *     {@link FieldError}s for request bodies); omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<?> errors) {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://valora.dev/problems/";
    /** The RFC 9457 media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem named {@code name} (the last segment of its type URI), without per-item errors. */
    public static Problem of(String name, String title, int status, String detail) {
        return new Problem(TYPE_BASE + name, title, status, detail, List.of());
    }

    /** The same problem with per-item errors. */
    public Problem withErrors(List<?> items) {
        return new Problem(type, title, status, detail, items);
    }

    /**
     * One invalid field of a request body.
     *
     * @param field JSON path of the field, e.g. {@code usageCharges[0].model.unitPrice}
     * @param detail what is wrong with it
     */
    public record FieldError(String field, String detail) {
    }
}
