package io.valora.rating.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.billing.quantity.Quantities;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads the metered quantity from an event's {@code data}: a JSON number (or numeric string) in
 * one top-level field. Numbers are read as exact decimals, never through a binary fraction.
 */
final class QuantityReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String field;

    QuantityReader(String field) {
        this.field = field;
    }

    /** The quantity, or why there is none. */
    Reading read(String dataJson) {
        JsonNode value;
        try {
            value = JSON.readTree(dataJson).get(field);
        } catch (IOException e) {
            return Reading.refused("data is not valid JSON");
        }
        if (value == null || value.isNull()) {
            return Reading.refused("data." + field + " is missing");
        }
        if (!value.isNumber() && !value.isTextual()) {
            return Reading.refused("data." + field + " is not a number");
        }
        try {
            return Reading.of(value.isNumber() ? Quantities.requireValid(value.decimalValue()) : Quantities.parse(value.textValue()));
        } catch (IllegalArgumentException e) {
            return Reading.refused("data." + field + ": " + e.getMessage());
        }
    }

    /** A quantity or a reason, never both. */
    record Reading(BigDecimal quantity, String refusal) {
        static Reading of(BigDecimal quantity) {
            return new Reading(quantity, null);
        }

        static Reading refused(String reason) {
            return new Reading(null, reason);
        }

        boolean isValid() {
            return quantity != null;
        }
    }
}
