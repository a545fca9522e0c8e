package io.valora.rating.topology;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The field encodings shared by rating's compact binary formats ({@link MeteredUsageSerde} on the
 * repartition topic, {@link PeriodStateSerde} in the period state store): length-prefixed UTF-8
 * strings, decimals as unscaled bytes and scale (exact, scale kept), instants as seconds and
 * nanoseconds, {@code -1} as the length of an absent value. Kept in one place so the formats
 * cannot drift apart in how they write the same kind of field.
 */
final class BinaryFields {

    private static final int NULL_LENGTH = -1;

    private BinaryFields() {
    }

    static void writeString(DataOutput out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        return length == NULL_LENGTH ? null : new String(exactly(in, length, what), StandardCharsets.UTF_8);
    }

    static void writeDecimal(DataOutput out, BigDecimal value) throws IOException {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
        out.writeInt(value.scale());
    }

    static BigDecimal readDecimal(DataInputStream in, String what) throws IOException {
        int length = in.readInt();
        return length == NULL_LENGTH ? null : new BigDecimal(new BigInteger(exactly(in, length, what)), in.readInt());
    }

    static void writeInstant(DataOutput out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    /** The next {@code length} bytes; a record that ends sooner (or claims a negative length) is refused, not read short. */
    private static byte[] exactly(DataInputStream in, int length, String what) throws IOException {
        if (length < 0) {
            throw new SerializationException(what + " holds a negative length " + length);
        }
        byte[] bytes = in.readNBytes(length); // never allocates more than the record holds
        if (bytes.length != length) {
            throw new SerializationException(what + " truncated");
        }
        return bytes;
    }
}
