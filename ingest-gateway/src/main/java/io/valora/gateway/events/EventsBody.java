package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.billing.carddata.CardNumberDetector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a CloudEvents request body into its events, following the content type: one object for
 * {@code application/cloudevents+json}, an array for {@code application/cloudevents-batch+json},
 * either for {@code application/json}. Validating each event is {@link CloudEventReader}'s job.
 */
public final class EventsBody {

    /** One structured-mode event. */
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    /** A JSON array of structured-mode events. */
    public static final String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";

    private EventsBody() {
    }

    /**
     * The parsed body: its events and whether it was a batch (an array), or why it could not be
     * read at all.
     */
    public record Parsed(List<JsonNode> events, boolean batch, String error) {
        public boolean isValid() {
            return error == null;
        }

        static Parsed failed(String error) {
            return new Parsed(List.of(), false, error);
        }
    }

    /** Parses {@code body} as JSON and checks its shape against the media type (type/subtype only). */
    public static Parsed parse(ObjectMapper json, byte[] body, String mediaType) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Parsed.failed("body: not valid JSON (" + safeMessage(e) + ")");
        } catch (IOException e) {
            return Parsed.failed("body: unreadable");
        }
        return shape(root, mediaType);
    }

    /** Checks an already parsed body's shape against the media type. */
    public static Parsed shape(JsonNode root, String mediaType) {
        if (root == null || root.isMissingNode()) {
            return Parsed.failed("body: empty");
        }
        boolean batchOnly = CLOUDEVENTS_BATCH_JSON.equalsIgnoreCase(mediaType);
        boolean singleOnly = CLOUDEVENTS_JSON.equalsIgnoreCase(mediaType);
        if (root.isArray() && !singleOnly) {
            List<JsonNode> events = new ArrayList<>(root.size());
            root.forEach(events::add);
            return new Parsed(events, true, null);
        }
        if (root.isObject() && !batchOnly) {
            return new Parsed(List.of(root), false, null);
        }
        return Parsed.failed(batchOnly ? "body: must be a JSON array of CloudEvents"
                : singleOnly ? "body: must be one CloudEvents JSON object"
                : "body: must be a CloudEvents JSON object or an array of them");
    }

    /**
     * Jackson's message with its location, but never the offending token: it could be the very
     * card number the gateway must not echo.
     */
    public static String safeMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
        if (CardNumberDetector.containsCardNumber(message) || message.length() > 200) {
            message = "syntax error";
        }
        if (e.getLocation() != null) {
            message += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        return message;
    }
}
