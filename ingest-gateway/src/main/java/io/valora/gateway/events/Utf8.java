package io.valora.gateway.events;

/**
 * Strict UTF-8 well-formedness (Unicode's table 3-7), checked on request bytes before anything
 * decodes them. Exists because the decoders on the ingest path are lenient: Jackson's byte parser
 * accepts overlong forms ({@code C0 80} for NUL, {@code E0 80 AF} for {@code /}) and sequences
 * above U+10FFFF, and {@code URLDecoder} / {@code new String} silently turn malformed bytes into
 * U+FFFD. Either way bytes the client never meant would be published; refusing them is a 400.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Whether the whole array is well-formed UTF-8. */
    public static boolean isValid(byte[] bytes) {
        return bytes == null || firstInvalid(bytes, 0, bytes.length) < 0;
    }

    /**
     * Offset of the first byte that does not start a well-formed sequence within
     * {@code [from, to)}, or -1 if there is none. A sequence cut off at {@code to} is malformed.
     */
    public static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to, b & 0xFF);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** Length of the well-formed multi-byte sequence at {@code i}, or 0 if it is malformed. */
    private static int sequenceLength(byte[] bytes, int i, int to, int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return i + 1 < to && isContinuation(bytes[i + 1]) ? 2 : 0;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            if (i + 2 >= to) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            // E0 needs A0..BF (no overlong form), ED 80..9F (no UTF-16 surrogate).
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF;
            return second >= low && second <= high && isContinuation(bytes[i + 2]) ? 3 : 0;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            if (i + 3 >= to) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            // F0 needs 90..BF (no overlong form), F4 80..8F (nothing above U+10FFFF).
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF;
            return second >= low && second <= high && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : 0;
        }
        // 80..C1 (a lone continuation byte, overlong two-byte forms) and F5..FF never start a sequence.
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
