package io.valora.rating.serde;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The field encodings shared by rating's compact binary formats ({@link MeteredUsageSerde} on the
 * repartition topic, {@link PeriodStateSerde} in the period state store): length-prefixed UTF-8
 * strings, decimals as unscaled bytes and scale (exact, scale kept), instants as seconds and
 * nanoseconds, {@code -1} as the length of an absent value, and short names (enum constants) with
 * a two-byte length as {@code DataOutput.writeUTF} wrote them. Kept in one place so the formats
 * cannot drift apart in how they write the same kind of field.
 */
final class BinaryFields {

    private static final int NULL_LENGTH = -1;

    private BinaryFields() {
    }

    static void writeString(BinaryWriter out, String value) {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(BinaryReader in) {
        int length = in.readInt();
        return length == NULL_LENGTH ? null : new String(in.readBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * An ASCII name (an enum constant) with a two-byte length: byte for byte what
     * {@code DataOutput.writeUTF} wrote for it, which earlier versions used, so their state reads.
     */
    static void writeName(BinaryWriter out, String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        out.writeShort(ascii.length);
        out.write(ascii);
    }

    static String readName(BinaryReader in) {
        return new String(in.readBytes(in.readUnsignedShort()), StandardCharsets.US_ASCII);
    }

    static void writeDecimal(BinaryWriter out, BigDecimal value) {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
        out.writeInt(value.scale());
    }

    static BigDecimal readDecimal(BinaryReader in) {
        int length = in.readInt();
        return length == NULL_LENGTH ? null : new BigDecimal(new BigInteger(in.readBytes(length)), in.readInt());
    }

    static void writeInstant(BinaryWriter out, Instant value) {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    static Instant readInstant(BinaryReader in) {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
