package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.valora.billing.carddata.CardNumberDetector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one {@code data} object to compact UTF-8 JSON while checking it: nesting, finite
 * numbers, valid Unicode, no card numbers, no duplicate keys, the byte limit. One per request;
 * its buffer is reused from event to event.
 */
final class StreamingDataWriter {

    private final ValidationLimits limits;
    private final boolean floatsAsDecimals;
    private final Buffer out = new Buffer();
    private final List<List<String>> keys = new ArrayList<>();

    /** @param floatsAsDecimals as {@link StreamingCloudEvents}'s: floats are then left to the tree path */
    StreamingDataWriter(ValidationLimits limits, boolean floatsAsDecimals) {
        this.limits = limits;
        this.floatsAsDecimals = floatsAsDecimals;
    }

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
                            if (!StreamingCardScan.integerIsClean(parser)) {
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
