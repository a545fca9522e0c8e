package io.valora.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The events of one request on their way into the shared ingest path: as the client sent them
 * ({@code raw}, scanned for card data so nothing a client sent escapes the check, even fields a
 * mapping drops) and mapped onto CloudEvents JSON ({@code events}, validated and published).
 *
 * @param raw the events as sent, one per index; for CloudEvents the same nodes as {@code events}
 * @param events the events as CloudEvents 1.0 JSON objects, same indexes
 * @param mappingErrors problems found while mapping a drop-in format, already prefixed by index
 * @param batch whether the request was a batch (errors then carry {@code [index]} prefixes)
 * @param fieldNames CloudEvents attribute → the client's own field name, used in error messages
 */
public record MappedEvents(List<JsonNode> raw, List<JsonNode> events, List<String> mappingErrors, boolean batch,
        Map<String, String> fieldNames) {

    /** CloudEvents as sent: nothing to map or rename. */
    public static MappedEvents cloudEvents(List<JsonNode> events, boolean batch) {
        return new MappedEvents(events, events, List.of(), batch, Map.of());
    }

    /** An error about CloudEvents attribute {@code error} ("subject: required"), in the client's field names. */
    String translate(String error) {
        int end = 0;
        while (end < error.length() && ".:[".indexOf(error.charAt(end)) < 0) {
            end++;
        }
        String own = fieldNames.get(error.substring(0, end));
        return own == null ? error : own + error.substring(end);
    }
}
