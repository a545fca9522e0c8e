package io.valora.rating.serde;

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
        need(1);
        return buffer.get();
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    int readUnsignedShort() {
        need(2);
        return Short.toUnsignedInt(buffer.getShort());
    }

    int readInt() {
        need(4);
        return buffer.getInt();
    }

    long readLong() {
        need(8);
        return buffer.getLong();
    }

    /** The next {@code length} bytes; a negative length or one beyond the record's end is refused. */
    byte[] readBytes(int length) {
        if (length < 0) {
            throw new SerializationException(what + " holds a negative length " + length);
        }
        need(length);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private void need(int bytes) {
        if (buffer.remaining() < bytes) {
            throw new SerializationException(what + " truncated");
        }
    }
}
