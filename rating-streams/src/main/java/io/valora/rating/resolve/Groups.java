package io.valora.rating.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The canonical text of an event's group-by values, as {@code RatedCharge.group} and the charge key
 * carry it: {@code key=value} pairs sorted by key, joined with {@code &}, each part URL-encoded
 * (UTF-8), so the same values always give the same group and the key never contains {@code /}.
 */
final class Groups {

    private Groups() {
    }

    /**
     * The group of {@code data} for these group-by keys; {@code null} when the meter has none or
     * the event carries none of them. A key the event lacks is left out of the group.
     */
    static String canonical(List<String> groupBy, JsonNode data) {
        if (groupBy == null || groupBy.isEmpty()) {
            return null;
        }
        StringJoiner group = new StringJoiner("&");
        for (String key : new TreeSet<>(groupBy)) {
            JsonNode node = DataPaths.read(data, key);
            if (node != null) {
                group.add(encode(key) + "=" + encode(DataPaths.text(node)));
            }
        }
        return group.length() == 0 ? null : group.toString();
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
