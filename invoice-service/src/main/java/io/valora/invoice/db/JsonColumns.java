package io.valora.invoice.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the few JSONB columns (meter filters) as plain Java values.
 *
 * <p>Why it exists: the stores bind JSON text with {@code ?::jsonb}; one mapper and one error
 * message instead of one per store. Maps are written sorted by key, so equal values are equal text.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    /** The JSON text of a string map, keys sorted. */
    public static String write(Map<String, String> map) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON: " + e.getMessage(), e);
        }
    }

    /** The string map in {@code json}; empty for null. */
    public static Map<String, String> readStringMap(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read JSON column: " + e.getMessage(), e);
        }
    }
}
