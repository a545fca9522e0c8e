package io.valora.gateway.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the CloudEvents JSON a Lago or Stripe event maps onto. Values are passed through as the client
 * sent them (a number where a string belongs stays a number) so the one validator reports the
 * problem, rather than a mapping quietly fixing it.
 */
final class CloudEventsJson {

    private CloudEventsJson() {
    }

    static ObjectNode event(JsonNode id, String source, JsonNode type, JsonNode subject, String time, JsonNode data) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", "1.0");
        event.set("id", id);
        event.put("source", source);
        event.set("type", type);
        event.set("subject", subject);
        if (time != null) {
            event.put("time", time);
        }
        event.set("data", data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : data);
        return event;
    }
}
