package io.valora.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Prints invoices as a table a person can read in a terminal. */
public final class InvoiceTable {

    private InvoiceTable() {
    }

    /**
     * One row per invoice line (usage lines named by their meter, others by their kind), a total per invoice, and
     * the grand total checked against the expected one. One invoice per subscription, one subscription per
     * customer in the sample run.
     */
    public static void print(PrintStream out, JsonNode invoices, Map<String, Long> expectedTotalsMinor) {
        List<JsonNode> sorted = new ArrayList<>();
        invoices.forEach(sorted::add);
        sorted.sort(Comparator.comparing(i -> i.path("customer").asText()));
        String format = "%-14s %-17s %16s %12s %12s%n";
        out.printf(format, "customer", "meter", "quantity", "unit price", "amount");
        out.println("-".repeat(75));
        long grand = 0;
        long expected = 0;
        String currency = "";
        for (JsonNode invoice : sorted) {
            String customer = invoice.path("customer").asText();
            currency = invoice.path("currency").asText();
            for (JsonNode line : invoice.path("lines")) {
                out.printf(format, customer, label(line), line.path("quantity").asText(""),
                        line.path("unitPrice").asText(""), line.path("amount").asText());
                customer = "";
            }
            long total = invoice.path("totalMinor").asLong();
            long wanted = expectedTotalsMinor.getOrDefault(invoice.path("customer").asText(), 0L);
            grand += total;
            expected += wanted;
            out.printf("%-14s %-17s %16s %12s %12s  %s%n", "", "invoice total", "", currency,
                    invoice.path("total").asText(), total == wanted ? "ok" : "EXPECTED " + minor(wanted));
            out.println();
        }
        out.println("-".repeat(75));
        out.printf("%d invoices, period %s .. %s, total %s %s (expected %s %s)%n", sorted.size(),
                sorted.isEmpty() ? "-" : sorted.get(0).path("periodStart").asText(),
                sorted.isEmpty() ? "-" : sorted.get(0).path("periodEnd").asText(),
                currency, minor(grand), currency, minor(expected));
    }

    /** The meter of a usage line; otherwise the line's kind, e.g. {@code flat fee}. */
    private static String label(JsonNode line) {
        if (InvoiceAwaiter.isUsage(line)) {
            return line.path("meter").asText();
        }
        return line.path("kind").asText("line").toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String minor(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
