package io.valora.bench.cluster;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one cluster, in the order measured, printed as {@code BENCH cluster.<name>.<figure> <value>
 * <unit>}; kept so the later clusters can be printed as ratios to the baseline.
 */
final class Figures {

    private record Figure(double value, String unit) {
    }

    private final String cluster;
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    Figures(String cluster) {
        this.cluster = cluster;
    }

    String cluster() {
        return cluster;
    }

    /** Records and prints one figure. */
    void put(String name, double value, String unit) {
        figures.put(name, new Figure(value, unit));
        print(cluster + "." + name, value, unit);
    }

    /**
     * Prints {@code cluster.<this>.<figure>_vs_<baseline>}: this cluster's value over the baseline's, for every
     * figure both have (above 1: more events/s, or more CPU or milliseconds, than on the baseline).
     */
    void printRatiosTo(Figures baseline) {
        figures.forEach((name, figure) -> {
            Figure base = baseline.figures.get(name);
            if (base != null && !"load".equals(figure.unit()) && !"requests".equals(figure.unit())) {
                print(cluster + "." + name + "_vs_" + baseline.cluster, figure.value() / base.value(), "ratio");
            }
        });
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH cluster.%s %.3f %s", name, value, unit));
        System.out.flush();
    }
}
