package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.valora.billing.carddata.CardNumberDetector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        DataWriter data = new DataWriter();
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
    private IncomingEvent event(JsonParser parser, Instant now, DataWriter data) throws IOException {
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
                    if (!skipScanning(parser, value)) {
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

    /** Skips a value of an attribute the gateway does not use; false if it holds card data. */
    private static boolean skipScanning(JsonParser parser, JsonToken value) throws IOException {
        int depth = 0;
        JsonToken token = value;
        while (true) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME, VALUE_STRING -> {
                    if (CardNumberDetector.containsCardNumber(parser.getText())) {
                        return false;
                    }
                }
                case VALUE_NUMBER_INT -> {
                    if (!integerIsClean(parser)) {
                        return false;
                    }
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (CardNumberDetector.numberIsCard(parser.getDecimalValue())) {
                        return false;
                    }
                }
                default -> {
                }
            }
            if (depth == 0) {
                return true;
            }
            token = parser.nextToken();
        }
    }

    /** Whether an integer token holds no card number, as {@link CardDataScanner} scans it. */
    private static boolean integerIsClean(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> true; // at most 10 digits
            case LONG -> !CardNumberDetector.containsCardNumber(Long.toString(parser.getLongValue()));
            default -> !CardNumberDetector.containsCardNumber(parser.getBigIntegerValue().toString());
        };
    }

    /**
     * Copies one {@code data} object to compact UTF-8 JSON while checking it: nesting, finite
     * numbers, valid Unicode, no card numbers, no duplicate keys, the byte limit. One per request;
     * its buffer is reused from event to event.
     */
    private final class DataWriter {
        private final Buffer out = new Buffer();
        private final List<List<String>> keys = new ArrayList<>();

        /** The object the parser is on, as compact JSON; null if the tree path must decide. */
        String write(JsonParser parser) throws IOException {
            out.reset();
            try (JsonGenerator generator = CompactJson.generator(out)) {
                if (!copy(parser, generator)) {
                    return null;
                }
            }
            return out.size() > limits.maxDataBytes() ? null : out.utf8();
        }

        private boolean copy(JsonParser parser, JsonGenerator generator) throws IOException {
            int depth = 0;
            JsonToken token = parser.currentToken();
            while (true) {
                switch (token) {
                    case START_OBJECT -> {
                        if (++depth > limits.maxDataDepth()) {
                            return false;
                        }
                        keysAt(depth).clear();
                        generator.writeStartObject();
                    }
                    case START_ARRAY -> {
                        if (++depth > limits.maxDataDepth()) {
                            return false;
                        }
                        generator.writeStartArray();
                    }
                    case END_OBJECT -> {
                        depth--;
                        generator.writeEndObject();
                    }
                    case END_ARRAY -> {
                        depth--;
                        generator.writeEndArray();
                    }
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        List<String> seen = keysAt(depth);
                        // A tree keeps the last of duplicate keys at the first one's place: rare, left to it.
                        if (seen.contains(name) || !CloudEventReader.isWellFormed(name) || CardNumberDetector.containsCardNumber(name)) {
                            return false;
                        }
                        seen.add(name);
                        generator.writeFieldName(name);
                    }
                    case VALUE_STRING -> {
                        String text = parser.getText();
                        if (!CloudEventReader.isWellFormed(text) || CardNumberDetector.containsCardNumber(text)) {
                            return false;
                        }
                        generator.writeString(text);
                    }
                    case VALUE_NUMBER_INT -> {
                        switch (parser.getNumberType()) {
                            case INT -> generator.writeNumber(parser.getIntValue());
                            case LONG -> {
                                if (!integerIsClean(parser)) {
                                    return false;
                                }
                                generator.writeNumber(parser.getLongValue());
                            }
                            default -> {
                                return false; // BigInteger: rare, left to the tree path
                            }
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        double value = parser.getDoubleValue();
                        if (floatsAsDecimals || !Double.isFinite(value)) {
                            return false;
                        }
                        // 4111111111111111.0 or 4.111111111111111e15: a card written as a float.
                        if (Math.abs(value) >= 1e12 && CardNumberDetector.numberIsCard(parser.getDecimalValue())) {
                            return false;
                        }
                        generator.writeNumber(value);
                    }
                    case VALUE_TRUE -> generator.writeBoolean(true);
                    case VALUE_FALSE -> generator.writeBoolean(false);
                    case VALUE_NULL -> generator.writeNull();
                    default -> {
                        return false;
                    }
                }
                if (depth == 0) {
                    return true;
                }
                token = parser.nextToken();
            }
        }

        private List<String> keysAt(int depth) {
            while (keys.size() < depth) {
                keys.add(new ArrayList<>(8));
            }
            return keys.get(depth - 1);
        }
    }

    /** A byte buffer whose content becomes a string without another copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(512);
        }

        String utf8() {
            return new String(buf, 0, count, StandardCharsets.UTF_8);
        }
    }
}
