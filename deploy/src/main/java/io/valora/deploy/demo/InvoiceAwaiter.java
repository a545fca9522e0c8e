package io.valora.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closes a period until its invoices carry every expected quantity, or a deadline passes.
 *
 * <p>Rating is asynchronous (gateway → Kafka → rating-streams → Kafka → invoice-service), so the
 * caller cannot know when the last event has been rated; closing is idempotent (a draft is
 * recomputed in place), so closing again until the invoices match the ground truth is safe.
 */
public final class InvoiceAwaiter {

    private static final Duration PAUSE_BETWEEN_POLLS = Duration.ofMillis(500);

    private InvoiceAwaiter() {
    }

    /** The invoices of the closed period once they match {@code workload}. */
    public static JsonNode closeWhenComplete(ValoraClient client, Instant periodStart, SampleWorkload workload,
            Duration timeout, PrintStream progress) {
        Map<String, BigDecimal> expected = workload.expectedQuantities();
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode invoices = null;
        int complete = -1;
        while (System.nanoTime() < deadline) {
            invoices = client.closePeriod(periodStart);
            Map<String, BigDecimal> invoiced = invoicedQuantities(invoices);
            int nowComplete = (int) expected.entrySet().stream()
                    .filter(e -> invoiced.containsKey(e.getKey()) && invoiced.get(e.getKey()).compareTo(e.getValue()) == 0)
                    .count();
            if (nowComplete != complete) {
                progress.printf("  invoiced lines matching the workload: %d/%d%n", nowComplete, expected.size());
                complete = nowComplete;
            }
            if (nowComplete == expected.size() && invoiced.size() == expected.size()) {
                return invoices;
            }
            pause();
        }
        throw new IllegalStateException("Invoices did not match the workload within " + timeout.toSeconds()
                + " s: " + complete + "/" + expected.size() + " lines complete. Last invoices: " + invoices);
    }

    /** Whether every invoice's total equals the expected total of its customer, and no customer is missing. */
    public static boolean totalsMatch(JsonNode invoices, Map<String, Long> expectedTotalsMinor) {
        Map<String, Long> actual = new TreeMap<>();
        invoices.forEach(i -> actual.merge(i.path("customer").asText(), i.path("totalMinor").asLong(), Long::sum));
        return actual.equals(new TreeMap<>(expectedTotalsMinor));
    }

    /**
     * Quantity per {@code customer/meter} over the usage lines of these invoices (kind {@code USAGE} and
     * {@code ADJUSTMENT}; flat fees and minimum top-ups measure nothing).
     */
    public static Map<String, BigDecimal> invoicedQuantities(JsonNode invoices) {
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (JsonNode invoice : invoices) {
            for (JsonNode line : invoice.path("lines")) {
                if (isUsage(line)) {
                    quantities.merge(invoice.path("customer").asText() + "/" + line.path("meter").asText(),
                            new BigDecimal(line.path("quantity").asText()), BigDecimal::add);
                }
            }
        }
        return quantities;
    }

    /** Whether an invoice line bills metered usage (a period charge or a late adjustment). */
    public static boolean isUsage(JsonNode line) {
        String kind = line.path("kind").asText("USAGE");
        return (kind.equals("USAGE") || kind.equals("ADJUSTMENT")) && !line.path("meter").asText("").isEmpty();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_BETWEEN_POLLS.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for invoices", e);
        }
    }
}
