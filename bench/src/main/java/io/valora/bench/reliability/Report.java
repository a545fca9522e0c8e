package io.valora.bench.reliability;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report printed at the end of a reliability run and kept in {@code docs/reliability.md}. */
public final class Report {

    private Report() {
    }

    /** Every check of every run, plus determinism across runs when there are two. */
    public static String render(HarnessConfig config, Scenario scenario, List<RunResult> results) {
        StringBuilder text = new StringBuilder();
        text.append("RELIABILITY REPORT\n");
        text.append("config    ").append(config).append('\n');
        text.append("scenario  %d tenants, %d customers (%s), plan changes for %d%n".formatted(scenario.tenants().size(),
                scenario.customers().size(), Scenario.ZONES.stream().map(Object::toString).collect(Collectors.joining(", ")),
                scenario.customers().stream().filter(HarnessCustomer::changesPlan).count()));
        for (RunResult result : results) {
            text.append("-- ").append(result.label()).append('\n');
            result.facts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(f -> text.append("   ").append(f.getKey()).append(": ").append(f.getValue()).append('\n'));
            result.faults().forEach(f -> text.append("   fault ").append(f).append('\n'));
            result.checks().forEach(c -> text.append(c.line()).append('\n'));
        }
        if (results.size() >= 2) {
            text.append(determinism(results.get(0), results.get(1)).line()).append('\n');
        }
        text.append(passed(results) ? "RESULT PASS\n" : "RESULT FAIL\n");
        return text.toString();
    }

    static Check determinism(RunResult first, RunResult second) {
        Check compared = Check.compare("determinism", "invoices identical (lines and totals)", first.invoices(),
                second.invoices(), "absent");
        return compared;
    }

    /** Whether every check of every run and determinism held. */
    public static boolean passed(List<RunResult> results) {
        boolean each = results.stream().allMatch(RunResult::passed);
        return each && (results.size() < 2 || determinism(results.get(0), results.get(1)).passed());
    }
}
