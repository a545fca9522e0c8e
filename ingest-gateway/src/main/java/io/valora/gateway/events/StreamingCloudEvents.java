package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.valora.billing.carddata.CardNumberDetector;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for CloudEvents bodies: one pass over Jackson's token stream that checks every
 * rule, scans every key and value for card numbers and writes each event's {@code data} as compact
 * JSON at once, without building a {@code JsonNode} tree (parsing the tree, walking it twice and
 * writing it back out was most of the gateway's own CPU per batched event, and the trees of 128
 * concurrent 500-event batches kept the young collector busy).
 *
 * <p>It only ever says yes: a body it accepts is one {@link EventsBody}, {@link CardDataScanner}
 * and {@link CloudEventReader} accept too, with the same events. Anything else - an invalid event,
 * card data, a duplicate key, a number it would not write back exactly as the tree does, a
 * syntax error - makes it answer {@code null}, and the caller hands the body to that tree-based
 * path, which decides and words the answer. So the rules and their messages live in one place.
 *
 * <p>This class reads the body's shape and each event's attributes; {@link StreamingDataWriter}
 * copies and checks {@code data}, {@link StreamingCardScan} checks the tokens of everything else.
 */
public final class StreamingCloudEvents {

    private final JsonFactory factory;
    private final Clock clock;
    private final ValidationLimits limits;
    private final int maxEvents;
    private final boolean floatsAsDecimals;

    /**
     * @param factory the factory of the mapper the tree path parses with, so both see the same tokens
     *     and the same stream limits
     * @param floatsAsDecimals whether that mapper reads floats as {@code BigDecimal}; floats then go
     *     to the tree path, which writes them back in that form
     */
    public StreamingCloudEvents(JsonFactory factory, Clock clock, ValidationLimits limits, int maxEvents, boolean floatsAsDecimals) {
        this.factory = factory;
        this.clock = clock;
        this.limits = limits;
        this.maxEvents = maxEvents;
        this.floatsAsDecimals = floatsAsDecimals;
    }

    /** The events and whether the body was a batch. */
    public record Accepted(List<IncomingEvent> events, boolean batch) {
    }

    /** The valid events of {@code body}, or null if the tree path must decide. */
    public Accepted read(byte[] body, String mediaType) {
        try (JsonParser parser = factory.createParser(body)) {
            return read(parser, mediaType);
        } catch (IOException | RuntimeException e) {
            // Syntax errors, stream limits, numbers out of range: the tree path words the answer.
            return null;
        }
    }

    private Accepted read(JsonParser parser, String mediaType) throws IOException {
        JsonToken root = parser.nextToken();
        boolean batchOnly = EventsBody.CLOUDEVENTS_BATCH_JSON.equalsIgnoreCase(mediaType);
        boolean singleOnly = EventsBody.CLOUDEVENTS_JSON.equalsIgnoreCase(mediaType);
        Instant now = clock.instant();
        StreamingDataWriter data = new StreamingDataWriter(limits, floatsAsDecimals);
        List<IncomingEvent> events = new ArrayList<>();
        boolean batch;
        if (root == JsonToken.START_ARRAY && !singleOnly) {
            batch = true;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT || events.size() == maxEvents) {
                    return null;
                }
                IncomingEvent event = event(parser, now, data);
                if (event == null) {
                    return null;
                }
                events.add(event);
            }
        } else if (root == JsonToken.START_OBJECT && !batchOnly) {
            batch = false;
            IncomingEvent event = event(parser, now, data);
            if (event == null) {
                return null;
            }
            events.add(event);
        } else {
            return null;
        }
        return parser.nextToken() == null ? new Accepted(events, batch) : null;
    }

    /** One event, the parser on its START_OBJECT; null if it is not plainly valid. */
    private IncomingEvent event(JsonParser parser, Instant now, StreamingDataWriter data) throws IOException {
        String specVersion = null;
        String id = null;
        String source = null;
        String type = null;
        String subject = null;
        String timeText = null;
        String dataJson = null;
        boolean seenTime = false;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            if (CardNumberDetector.containsCardNumber(name)) {
                return null;
            }
            JsonToken value = parser.nextToken();
            // A known attribute twice, or of the wrong type, is left to the tree path: return at once,
            // the parser would otherwise be inside a value it did not consume.
            switch (name) {
                case "specversion" -> {
                    if (specVersion != null || value != JsonToken.VALUE_STRING || !"1.0".equals(parser.getText())) {
                        return null;
                    }
                    specVersion = "1.0";
                }
                case "id" -> {
                    if (id != null || (id = attribute(parser, value, name)) == null) {
                        return null;
                    }
                }
                case "source" -> {
                    if (source != null || (source = attribute(parser, value, name)) == null) {
                        return null;
                    }
                }
                case "type" -> {
                    if (type != null || (type = attribute(parser, value, name)) == null) {
                        return null;
                    }
                }
                case "subject" -> {
                    if (subject != null || (subject = attribute(parser, value, name)) == null) {
                        return null;
                    }
                }
                case "time" -> {
                    if (seenTime || (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL)) {
                        return null;
                    }
                    seenTime = true;
                    timeText = value == JsonToken.VALUE_NULL ? null : parser.getText();
                    if (timeText != null && CardNumberDetector.containsCardNumber(timeText)) {
                        return null;
                    }
                }
                case "data" -> {
                    if (dataJson != null || value != JsonToken.START_OBJECT || (dataJson = data.write(parser)) == null) {
                        return null;
                    }
                }
                default -> {
                    // Unknown attributes (a tenant, extensions) are ignored, but scanned like the rest.
                    if (!StreamingCardScan.skipScanning(parser, value)) {
                        return null;
                    }
                }
            }
        }
        if (specVersion == null || id == null || source == null || type == null || subject == null || dataJson == null) {
            return null;
        }
        Instant time = now;
        if (timeText != null) {
            try {
                time = CloudEventReader.parseTime(timeText);
            } catch (DateTimeParseException e) {
                return null;
            }
            if (!CloudEventReader.isWithinWindow(time, now, limits)) {
                return null;
            }
        }
        return new IncomingEvent(id, source, type, subject, time, dataJson);
    }

    /** A string attribute that passes every rule and carries no card number, else null. */
    private static String attribute(JsonParser parser, JsonToken value, String name) throws IOException {
        String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        return text == null || CloudEventReader.attributeProblem(name, text) != null
                || CardNumberDetector.containsCardNumber(text) ? null : text;
    }
}
