package io.valora.gateway.formats;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.gateway.ingest.EventIngestor;
import io.valora.gateway.ingest.MappedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lago's event format, so a Lago client only changes its base URL: {@code {"event": {...}}} or
 * {@code {"events": [...]}} with {@code transaction_id → id}, {@code code → type},
 * {@code external_subscription_id → subject} ({@code external_customer_id} when absent),
 * {@code timestamp} (Unix seconds) {@code → time}, {@code properties → data}, source {@code lago}.
 */
public final class LagoEvents {

    /** Source attribute of every event that arrived in Lago's format. */
    public static final String SOURCE = "lago";

    static final Map<String, String> FIELD_NAMES = Map.of("id", "transaction_id", "type", "code",
            "subject", "external_subscription_id", "time", "timestamp", "data", "properties");

    private LagoEvents() {
    }

    /** Whether a JSON body on {@code /api/v1/events} is Lago's ({@code {"event": ...}}) rather than CloudEvents. */
    public static boolean isLagoBody(JsonNode root) {
        return root != null && root.isObject() && root.has("event") && !root.has("specversion");
    }

    /** {@code {"event": {...}}}. */
    public static MappedEvents single(JsonNode root) {
        return map(List.of(root.get("event")), false);
    }

    /** {@code {"events": [...]}}; anything else is reported as a body error. */
    public static MappedEvents batch(JsonNode root) {
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray()) {
            return new MappedEvents(List.of(), List.of(), List.of("body: must be {\"events\": [...]}"), true, FIELD_NAMES);
        }
        List<JsonNode> raw = new ArrayList<>(events.size());
        events.forEach(raw::add);
        return map(raw, true);
    }

    private static MappedEvents map(List<JsonNode> raw, boolean batch) {
        List<JsonNode> mapped = new ArrayList<>(raw.size());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonNode event = raw.get(i);
            if (event == null || !event.isObject()) {
                errors.add(EventIngestor.prefix(batch, i) + "event: must be a JSON object");
                mapped.add(event);
                continue;
            }
            String time = null;
            JsonNode timestamp = event.get("timestamp");
            if (timestamp != null && !timestamp.isNull()) {
                Optional<String> converted = timestamp.isNumber() || timestamp.isTextual()
                        ? UnixSeconds.toRfc3339(timestamp.asText()) : Optional.empty();
                if (converted.isEmpty()) {
                    errors.add(EventIngestor.prefix(batch, i) + "timestamp: must be Unix time in seconds");
                }
                time = converted.orElse(null);
            }
            JsonNode subject = event.hasNonNull("external_subscription_id")
                    ? event.get("external_subscription_id") : event.get("external_customer_id");
            mapped.add(CloudEventsJson.event(event.get("transaction_id"), SOURCE, event.get("code"), subject, time,
                    event.get("properties")));
        }
        return new MappedEvents(raw, mapped, errors, batch, FIELD_NAMES);
    }
}
