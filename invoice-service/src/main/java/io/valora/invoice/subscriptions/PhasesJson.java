package io.valora.invoice.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code subscriptions.phases} JSONB column: {@code [{"plan", "planVersion", "from", "until"}]}
 * with ISO-8601 instants.
 *
 * <p>Why it exists: phases are read and written with their subscription as one value; a JSON column
 * keeps that one row, and the batched close reads them without a join.
 */
public final class PhasesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private PhasesJson() {
    }

    /** The JSON text of the phases. */
    public static String write(List<Phase> phases) {
        List<Map<String, Object>> rows = phases.stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("plan", p.plan());
            row.put("planVersion", p.planVersion());
            row.put("from", p.from().toString());
            row.put("until", p.until().map(Instant::toString).orElse(null));
            return row;
        }).toList();
        try {
            return MAPPER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write phases: " + e.getMessage(), e);
        }
    }

    /** The phases in {@code json}. */
    public static List<Phase> read(String json) {
        try {
            return MAPPER.readValue(json, LIST).stream()
                    .map(row -> new Phase((String) row.get("plan"), ((Number) row.get("planVersion")).intValue(),
                            Instant.parse((String) row.get("from")),
                            Optional.ofNullable((String) row.get("until")).map(Instant::parse)))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not read phases: " + e.getMessage(), e);
        }
    }
}
