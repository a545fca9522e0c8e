package io.valora.bench.reliability;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One line of the report: a named property of the run, whether it held, and the figures behind it.
 *
 * @param name   e.g. {@code conservation}
 * @param passed whether every compared value matched
 * @param detail counts, and the first differences when it failed
 */
public record Check(String name, boolean passed, String detail) {

    /** Compares two maps key by key ({@code expected} missing a key counts as {@code absent}). */
    public static <V> Check compare(String name, String unit, Map<String, V> expected, Map<String, V> actual, V absent) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        StringBuilder first = new StringBuilder();
        int differing = 0;
        for (String key : keys) {
            V want = expected.getOrDefault(key, absent);
            V got = actual.getOrDefault(key, absent);
            if (!Objects.equals(want, got)) {
                if (differing++ < 5) {
                    first.append("; ").append(key).append(" expected ").append(want).append(" got ").append(got);
                }
            }
        }
        return new Check(name, differing == 0, "%d/%d %s match%s".formatted(keys.size() - differing, keys.size(), unit,
                first));
    }

    /** {@code CHECK <name> PASS|FAIL <detail>}. */
    public String line() {
        return "CHECK %-14s %s  %s".formatted(name, passed ? "PASS" : "FAIL", detail);
    }
}
