package io.valora.rating.resolve;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds a property in an event's {@code data} by a meter's path: a property name, or a dotted path
 * into nested objects, with an optional {@code $.} prefix ({@code tokens}, {@code usage.tokens},
 * {@code $.usage.tokens}). Deliberately no more of JSONPath than that: meters name one value.
 */
final class DataPaths {

    private DataPaths() {
    }

    /** The node at {@code path}, or {@code null} when any step is missing or JSON null. */
    static JsonNode read(JsonNode data, String path) {
        String relative = path.startsWith("$.") ? path.substring(2) : path;
        JsonNode node = data;
        for (String step : relative.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node == null || node.isNull() ? null : node;
    }

    /** A scalar's text as filters and group-by compare it ({@code 3}, {@code eu-west}, {@code true}); objects as JSON. */
    static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
