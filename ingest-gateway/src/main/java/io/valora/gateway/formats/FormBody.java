package io.valora.gateway.formats;

import io.valora.gateway.events.Utf8;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} bodies ourselves, from the bytes the ingest
 * path has already size-checked, instead of letting the framework build a form of any size. Strict
 * where {@code URLDecoder} is lenient: a percent escape that is cut short or not hex, or a name or
 * value whose decoded bytes are not UTF-8, is refused (a lenient decoder turns them into U+FFFD
 * and the event would be published with text the client never sent).
 */
final class FormBody {

    private FormBody() {
    }

    /** Why a form was refused, in words safe to show the client (never a field's value). */
    static final class MalformedFormException extends IllegalArgumentException {
        MalformedFormException(String message) {
            super(message);
        }
    }

    /**
     * Name → values in order.
     *
     * @throws MalformedFormException if the encoding is malformed or a name or value is not UTF-8
     */
    static Map<String, List<String>> decode(byte[] body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int eq = indexOf(body, (byte) '=', start, end);
                String name = component(body, start, eq, null);
                String value = eq == end ? "" : component(body, eq + 1, end, name);
                form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return form;
    }

    /** One percent-decoded name ({@code name == null}) or value of {@code name}, checked to be UTF-8. */
    private static String component(byte[] body, int from, int to, String name) {
        String what = name == null ? "body: a field name" : name;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(body[i + 2], 16);
                if (low < 0) {
                    throw new MalformedFormException(what + ": malformed percent escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        byte[] decoded = bytes.toByteArray();
        if (!Utf8.isValid(decoded)) {
            throw new MalformedFormException(what + ": not valid UTF-8");
        }
        return new String(decoded, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return to;
    }
}
