package io.valora.schemas.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro single-object encoding: a two-byte marker, the 64-bit fingerprint of the writer's
 * schema, then the binary record.
 *
 * <p>The default wire format because it needs no schema registry process: the fingerprint is
 * resolved against {@link SchemaHistory}, so records written by any released version still
 * decode (into the current generated class, by Avro schema resolution).
 *
 * @param <T> the generated Avro record type
 */
public final class SingleObjectCodec<T extends SpecificRecord> implements RecordCodec<T> {

    private final String recordName;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private SingleObjectCodec(Class<T> type, SchemaHistory history) {
        // A model bound to the record class's own loader: frameworks with layered class loaders
        // (Quarkus tests) otherwise get instances of a class their loader cannot see.
        SpecificData model = new SpecificData(type.getClassLoader());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        model.addLogicalTypeConversion(new Conversions.DecimalConversion());
        Schema schema = model.getSchema(type);
        this.recordName = schema.getFullName();
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, history.store());
    }

    /** A codec for the generated class {@code type}, resolving old versions from the bundled history. */
    public static <T extends SpecificRecord> SingleObjectCodec<T> of(Class<T> type) {
        return new SingleObjectCodec<>(type, SchemaHistory.bundled());
    }

    @Override
    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("Cannot encode " + recordName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException(
                    "Cannot decode a " + recordName + " (" + bytes.length + " bytes): " + e.getMessage()
                            + ". Was it written by a newer Valora, or by something else?", e);
        }
    }
}
