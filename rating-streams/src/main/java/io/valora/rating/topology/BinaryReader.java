package io.valora.rating.topology;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads what {@link BinaryWriter} wrote, from one record's bytes. Every read checks what is left,
 * so a value that ends early (or claims a length it does not have) is refused with a
 * {@link SerializationException} naming {@code what}, never read short or past its end.
 */
final class BinaryReader {

    private final ByteBuffer buffer;
    private final String what;

    BinaryReader(byte[] bytes, String what) {
        this.buffer = ByteBuffer.wrap(bytes);
        this.what = what;
    }

    /** What is being read, for error messages. */
    String what() {
        return what;
    }

    byte readByte() {
        try {
            return buffer.get();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readUnsignedShort() {
        try {
            return Short.toUnsignedInt(buffer.getShort());
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    int readInt() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    long readLong() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    /** The next {@code length} bytes; a negative length or one beyond the record's end is refused. */
    byte[] readBytes(int length) {
        if (length < 0) {
            throw new SerializationException(what + " holds a negative length " + length);
        }
        if (length > buffer.remaining()) {
            throw truncated();
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private SerializationException truncated() {
        return new SerializationException(what + " truncated");
    }
}
