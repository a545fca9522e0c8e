package io.valora.bench.reliability;

import java.util.List;
import java.util.Map;

/**
 * What one run against one stack produced.
 *
 * @param label        e.g. {@code run 1 (3 partitions)}
 * @param checks       the checks of this run alone
 * @param invoices     per {@code tenant/customer/periodStart}: the total and every line's kind, meter and amount,
 *                     in a canonical text form — compared between runs for determinism
 * @param facts        figures for the report (events sent, duplicates, retries, durations, RSS)
 * @param faults       the faults applied, with when and how long
 */
public record RunResult(String label, List<Check> checks, Map<String, String> invoices, Map<String, String> facts,
        List<String> faults) {

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
