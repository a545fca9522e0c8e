package io.valora.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body. Every error the gateway returns has this shape and a stable
 * {@code type} URI, so clients can branch on the type rather than on the message text.
 *
 * @param type stable URI naming the kind of problem
 * @param title short summary of the kind
 * @param status HTTP status code
 * @param detail what went wrong with this request, and how to fix it
 * @param errors per-field or per-index reasons, when there are several
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<String> errors) {

    /** Base of every problem type URI. */
    public static final String TYPE_BASE = "https://valora.dev/problems/";

    public static Problem of(String typeName, String title, int status, String detail) {
        return new Problem(TYPE_BASE + typeName, title, status, detail, List.of());
    }
}
