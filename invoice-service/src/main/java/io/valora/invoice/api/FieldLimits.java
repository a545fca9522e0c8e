package io.valora.invoice.api;

import io.valora.billing.carddata.CardNumberDetector;
import io.valora.billing.limits.BillingLimits;
import io.valora.service.problem.Problem;
import io.valora.service.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the text fields of a request body that exceed their documented limit or hold what
 * looks like a card number, and refuses the
 * body with one {@code 422} naming every such field ({@code errors: [{"field", "detail"}]}), the
 * shape plans already answer with.
 *
 * <p>Why it exists: every write ends up in an outbox record and in other services' tables; a
 * value beyond its limit must be refused where it enters, with the field named so the caller can
 * fix it, never cut short or dropped in silence.
 */
final class FieldLimits {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** A name-like field: at most {@link BillingLimits#MAX_NAME_LENGTH} characters. */
    FieldLimits name(String field, String value) {
        return text(field, value, BillingLimits.MAX_NAME_LENGTH);
    }

    /** A text field of at most {@code max} characters (null = absent, fine). */
    FieldLimits text(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
        } else if (CardNumberDetector.containsCardNumber(value)) {
            // The same rule as the gateway's: catalog text is stored and published, so it is scanned too.
            errors.add(new Problem.FieldError(field, "looks like a payment card number; Valora never stores card data"));
        }
        return this;
    }

    /** Every value of a map field, each named {@code field.key}. */
    FieldLimits values(String field, Map<String, String> values, int max) {
        if (values != null) {
            values.forEach((key, value) -> text(field + "." + key, value, max));
        }
        return this;
    }

    /** Throws the {@code 422 <problem>} when a field is beyond its limit. */
    void check(String problem, String what) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(problem, "The " + what + " has fields beyond their documented limits.",
                    List.copyOf(errors));
        }
    }
}
