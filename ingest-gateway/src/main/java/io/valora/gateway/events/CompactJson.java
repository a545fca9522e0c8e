package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes an event's {@code data} tree back out as compact UTF-8 JSON, the form it is stored in.
 * Exists because {@code JsonNode.toString()} builds a fresh serializer provider on every call and
 * goes through a {@code Writer}, which was a tenth of the gateway's CPU per batched event; a plain
 * generator over the tree writes the same text and yields the byte size the data limit needs for
 * free.
 */
final class CompactJson {

    // A UTF-8 generator writes characters outside the BMP (emoji) as escaped surrogate pairs unless told
    // to write them as UTF-8, which is what toString() gives and what consumers store today.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private CompactJson() {
    }

    /** The tree as compact JSON, UTF-8 encoded: the same text {@code node.toString()} gives. */
    static byte[] utf8(JsonNode node) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            // An in-memory buffer does not fail; anything here is a bug, not a client error.
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A compact generator writing the same text as {@link #utf8}, for {@link StreamingCloudEvents}. */
    static JsonGenerator generator(java.io.OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** The UTF-8 bytes as text, for the Avro string field. */
    static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            // Numeric nodes write their own exact representation (int, long, BigInteger,
            // BigDecimal, double) and need no serializer provider to do it.
            case NUMBER -> ((com.fasterxml.jackson.databind.node.NumericNode) node).serialize(generator, null);
            default -> generator.writeRawValue(node.toString());
        }
    }
}
