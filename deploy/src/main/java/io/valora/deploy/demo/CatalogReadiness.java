package io.valora.deploy.demo;

import io.valora.schemas.RatedCharge;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Waits until the catalog created over REST has reached rating-streams, before the workload is sent.
 *
 * <p>The catalog travels invoice-service → outbox → compacted topics → rating-streams' global tables, and
 * rating-streams sends an event it cannot match (no meter, no subscription) to {@code usage-events.rejected}
 * instead of rating it. Sending the workload too early would lose events from the invoices. So for every
 * customer and meter a <em>probe</em> event of value 0 is sent through the gateway, and the run waits until
 * {@code rated-charges} carries a charge of that customer and meter: then meter, plan and subscription are all
 * known to rating. A probe that was rejected because it came too early is simply sent again under a new id.
 * Probes change no quantity and no amount (a sum plus 0), so the ground truth stays the workload's own.
 */
public final class CatalogReadiness {

    /** How long one probe may take to show up as a charge before it is sent again. */
    static final Duration RESEND_AFTER = Duration.ofSeconds(5);

    private CatalogReadiness() {
    }

    /**
     * Sends probes until every (customer, meter) has a charge on {@code rated-charges}.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}
     */
    public static void await(ValoraClient client, RatedChargeWatcher charges, List<String> customers,
            List<String> meters, Instant eventTime, Duration timeout, PrintStream progress) {
        Set<String> missing = new HashSet<>();
        customers.forEach(c -> meters.forEach(m -> missing.add(c + "/" + m)));
        int total = missing.size();
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempt = 0;
        while (!missing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the catalog did not reach rating-streams within " + timeout.toSeconds()
                        + " s: no charge yet for " + missing.size() + " of " + total + " customer/meter pairs, e.g. "
                        + missing.iterator().next() + " (see usage-events.rejected and rating-streams.log)");
            }
            attempt++;
            for (String pair : List.copyOf(missing)) {
                int slash = pair.indexOf('/');
                String customer = pair.substring(0, slash);
                String meter = pair.substring(slash + 1);
                int status = client.sendEvent(new UsageSample("probe-%s-%s-%d".formatted(customer, meter, attempt),
                        customer, meter, eventTime, BigDecimal.ZERO));
                if (status != 202) {
                    throw new IllegalStateException("gateway answered " + status + " for a catalog probe of " + pair);
                }
            }
            long resendAt = System.nanoTime() + RESEND_AFTER.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < Math.min(resendAt, deadline)) {
                charges.poll(Duration.ofMillis(200));
                for (RatedCharge charge : charges.latest().values()) {
                    missing.remove(charge.getCustomer() + "/" + charge.getMeter());
                }
            }
            progress.printf("  catalog probes: %d/%d customer/meter pairs rated%n", total - missing.size(), total);
        }
    }
}
