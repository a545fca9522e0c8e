package io.valora.gateway.vendor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes {@code application/x-www-form-urlencoded} bodies ourselves, from the bytes the ingest
 * path has already size-checked, instead of letting the framework build a form of any size.
 */
final class FormBody {

    private FormBody() {
    }

    /** Name → values in order, or empty if the encoding is malformed. */
    static Optional<Map<String, List<String>>> decode(byte[] body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(form);
    }
}
