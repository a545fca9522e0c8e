package io.valora.bench.rating;

import java.util.Locale;

/**
 * The two kinds of output of the rating load tool: {@code BENCH <name> <value> <unit>} lines on
 * stdout, which scripts compare between runs, and progress on stderr, which people read.
 */
final class BenchOutput {

    private BenchOutput() {
    }

    static void bench(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
        System.out.flush();
    }

    static void log(String format, Object... args) {
        System.err.println("[rating-bench] " + String.format(Locale.ROOT, format, args));
    }
}
