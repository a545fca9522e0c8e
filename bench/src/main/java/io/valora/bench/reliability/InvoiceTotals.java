package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the invoices say, read from invoice-service's JSON (each invoice tagged with its {@code tenant}): the
 * invoiced side of the {@code conservation} and {@code money} checks, and the canonical text of every invoice that
 * two runs must share for {@code determinism}.
 */
final class InvoiceTotals {

    private InvoiceTotals() {
    }

    /** Quantity per {@code tenant/customer/meter} over USAGE and ADJUSTMENT lines of every invoice. */
    static Map<String, BigDecimal> quantities(List<JsonNode> invoices) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (JsonNode invoice : invoices) {
            for (JsonNode line : invoice.path("lines")) {
                if (isUsage(line)) {
                    sums.merge(invoice.path("tenant").asText() + "/" + invoice.path("customer").asText() + "/"
                            + line.path("meter").asText(), new BigDecimal(line.path("quantity").asText()), BigDecimal::add);
                }
            }
        }
        sums.replaceAll((k, q) -> GroundTruth.canonical(q));
        return sums;
    }

    /** Total in cents per {@code tenant/customer/periodStart}; periods with nothing billed are left out. */
    static Map<String, Long> totals(List<JsonNode> invoices) {
        Map<String, Long> totals = new TreeMap<>();
        invoices.forEach(i -> totals.merge(key(i), i.path("totalMinor").asLong(), Long::sum));
        totals.values().removeIf(total -> total == 0L);   // probe-only periods: nothing billed, nothing expected
        return totals;
    }

    /**
     * Per {@code tenant/customer/periodStart}: the total and every line's kind, meter, quantity and amount, sorted.
     * Lines of the probe meter are left out: they are the harness's own readiness probes (priced 0), and how many
     * there are depends on timing, not on the workload: a plan-change probe rated before the new phase reached
     * rating makes a basic probe line besides the pro one (41 of 6,000 invoices in a full run).
     */
    static Map<String, String> fingerprint(List<JsonNode> invoices) {
        Map<String, String> prints = new TreeMap<>();
        for (JsonNode invoice : invoices) {
            List<String> lines = new ArrayList<>();
            invoice.path("lines").forEach(l -> {
                if (!l.path("meter").asText("").equals(HarnessCatalog.PROBE)) {
                    lines.add(l.path("kind").asText() + ":" + l.path("meter").asText("") + ":"
                            + l.path("quantity").asText("") + ":" + l.path("amountMinor").asLong());
                }
            });
            lines.sort(null);
            prints.merge(key(invoice), invoice.path("totalMinor").asLong() + " " + lines, (a, b) -> a + " | " + b);
        }
        return prints;
    }

    private static boolean isUsage(JsonNode line) {
        String kind = line.path("kind").asText("USAGE");
        return (kind.equals("USAGE") || kind.equals("ADJUSTMENT")) && !line.path("meter").asText("").isEmpty()
                && !line.path("meter").asText().equals(HarnessCatalog.PROBE);
    }

    private static String key(JsonNode invoice) {
        return invoice.path("tenant").asText() + "/" + invoice.path("customer").asText() + "/"
                + Instant.parse(invoice.path("periodStart").asText());
    }
}
