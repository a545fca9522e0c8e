package io.valora.invoice.charges;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordSerde;
import io.valora.schemas.codec.SchemaHistory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a raw {@code rated-charges} record into a {@link Decoded} verdict.
 *
 * <p>Why it exists: "cannot decode" has two meanings that need opposite answers. A record with a
 * valid single-object header (marker {@code C3 01} and an 8-byte fingerprint) whose fingerprint no
 * released schema has comes from a newer writer; it is valid data this version cannot read yet, so
 * it must not be skipped. Anything else is garbage and goes to the dead-letter topic, so one bad
 * writer cannot stall every tenant's charges.
 */
public final class ChargeDecoder {

    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final Deserializer<RatedCharge> values = RecordSerde.singleObject(RatedCharge.class).deserializer();
    private final SchemaStore known;

    /** A decoder that knows the schemas bundled with this version. */
    public ChargeDecoder() {
        this(SchemaHistory.bundled().store());
    }

    ChargeDecoder(SchemaStore known) {
        this.known = known;
    }

    /** Classifies one record; never throws. */
    public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            return new Decoded.Tombstone();
        }
        if (hasHeader(value)) {
            long fingerprint = ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (known.findByFingerprint(fingerprint) == null) {
                return new Decoded.UnknownSchema(fingerprint, String.format(
                        "record at %s-%d offset %d was written with schema fingerprint %016x, which this version does not know"
                                + " (written by a newer Valora?); deploy the newer invoice-service",
                        record.topic(), record.partition(), record.offset(), fingerprint));
            }
        }
        try {
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            return new Decoded.Charge(ChargeRow.from(key, values.deserialize(record.topic(), value)));
        } catch (RuntimeException e) {
            return new Decoded.Undecodable(e);
        }
    }

    private static boolean hasHeader(byte[] value) {
        return value.length >= HEADER_LENGTH && value[0] == MARKER_0 && value[1] == MARKER_1;
    }
}
