package io.valora.gateway.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.valora.gateway.ingest.MappedEvents;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's meter event format ({@code POST /v1/billing/meter_events}, form-encoded), so code
 * using a Stripe SDK only changes its API base: {@code identifier → id} (a random one when absent,
 * as Stripe does), {@code event_name → type}, {@code payload[stripe_customer_id] → subject},
 * {@code timestamp} (Unix seconds) {@code → time}, {@code payload[value]} → {@code data.value}
 * as a number, every other {@code payload[k]} → {@code data.k} as text; source {@code stripe}.
 */
public final class StripeMeterEvents {

    /** Source attribute of every event that arrived in Stripe's format. */
    public static final String SOURCE = "stripe";

    static final Map<String, String> FIELD_NAMES = Map.of("id", "identifier", "type", "event_name",
            "subject", "payload[stripe_customer_id]", "time", "timestamp", "data", "payload");

    private StripeMeterEvents() {
    }

    /**
     * The form as JSON, {@code payload[k]} nested under {@code payload}: what the client sent,
     * for the card-data scan and for the response Stripe clients expect back.
     */
    public static ObjectNode raw(Map<String, List<String>> form) {
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        ObjectNode payload = raw.putObject("payload");
        form.forEach((name, values) -> {
            String value = values == null || values.isEmpty() ? null : values.get(0);
            if (name.startsWith("payload[") && name.endsWith("]")) {
                payload.put(name.substring(8, name.length() - 1), value);
            } else {
                raw.put(name, value);
            }
        });
        return raw;
    }

    /** Maps the form (as {@link #raw}) onto one CloudEvent; {@code identifier} is filled in if absent. */
    public static MappedEvents map(ObjectNode raw) {
        List<String> errors = new ArrayList<>();
        if (!raw.hasNonNull("identifier")) {
            raw.put("identifier", UUID.randomUUID().toString());
        }
        String time = null;
        if (raw.hasNonNull("timestamp")) {
            Optional<String> converted = UnixSeconds.toRfc3339(raw.get("timestamp").asText());
            if (converted.isEmpty()) {
                errors.add("timestamp: must be Unix time in seconds");
            }
            time = converted.orElse(null);
        }
        JsonNode payload = raw.get("payload");
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        payload.fields().forEachRemaining(field -> {
            if (field.getKey().equals("stripe_customer_id")) {
                return;
            }
            if (field.getKey().equals("value")) {
                Optional<BigDecimal> number = number(field.getValue().asText());
                if (number.isEmpty()) {
                    errors.add("payload[value]: must be a number");
                }
                number.ifPresent(n -> data.put("value", n));
            } else {
                data.set(field.getKey(), field.getValue());
            }
        });
        JsonNode event = CloudEventsJson.event(raw.get("identifier"), SOURCE, raw.get("event_name"),
                payload.get("stripe_customer_id"), time, data);
        return new MappedEvents(List.of(raw), List.of(event), errors, false, FIELD_NAMES);
    }

    private static Optional<BigDecimal> number(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
