package io.valora.rating.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde of {@link MeteredUsage} for the internal repartition topic. JSON rather than Avro
 * because the record is private to this topology (no other service reads the topic) and changes
 * with it; decimals travel as exact strings, instants as ISO-8601.
 */
final class MeteredUsageSerde implements Serde<MeteredUsage> {

    /** Also reads usage data: exact decimals, trailing zeros kept (1.50 stays 1.50, as the producer sent it). */
    static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Serializer<MeteredUsage> serializer() {
        return (topic, usage) -> {
            try {
                return usage == null ? null : JSON.writeValueAsBytes(usage);
            } catch (IOException e) {
                throw new SerializationException("cannot write metered usage", e);
            }
        };
    }

    @Override
    public Deserializer<MeteredUsage> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, MeteredUsage.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read metered usage", e);
            }
        };
    }
}
