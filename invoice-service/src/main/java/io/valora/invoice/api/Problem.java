package io.valora.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * <p>Why it exists: every error of the API has the same shape and a stable {@code type} URI a
 * client can switch on, plus a {@code detail} a person can act on.
 *
 * @param type   {@code https://valora.dev/problems/<name>}
 * @param title  short, fixed summary of the problem type
 * @param status the HTTP status
 * @param detail what went wrong in this occurrence and how to fix it
 * @param errors per-field errors of a rejected body ({@code field} names the JSON path), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /**
     * One invalid field of a request body.
     *
     * @param field  JSON path of the field, e.g. {@code usageCharges[0].model.unitPrice}
     * @param detail what is wrong with it
     */
    public record FieldError(String field, String detail) {
    }
}
