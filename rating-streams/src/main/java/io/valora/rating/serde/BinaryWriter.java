package io.valora.rating.serde;

import java.util.Arrays;

/**
 * A growing byte array written big-endian: the bytes a {@code DataOutputStream} over a
 * {@code ByteArrayOutputStream} writes, without a synchronized call and a stream hop per field.
 * Rating writes one period state per event (and a metered usage per moved event), so this sits on
 * the hot path; the formats themselves are defined by {@link BinaryFields}.
 */
final class BinaryWriter {

    private byte[] bytes;
    private int size;

    BinaryWriter(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    void writeByte(int value) {
        room(1);
        bytes[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeShort(int value) {
        room(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
        room(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    void write(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** The bytes written so far, in an array of their own. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
