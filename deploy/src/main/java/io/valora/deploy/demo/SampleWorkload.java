package io.valora.deploy.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A reproducible sample workload (seeded) and its ground truth, computed here with plain
 * {@link BigDecimal} arithmetic ({@link DemoPlan}) — independently of the pipeline — so the invoices can be
 * checked.
 *
 * @param events the events, in sending order
 */
public record SampleWorkload(List<UsageSample> events) {

    /** The meters the workload uses. */
    public static final List<String> METERS = DemoPlan.METERS;

    /** External id of customer {@code n} (1-based), e.g. {@code customer-001}. */
    public static String customer(int n) {
        return "customer-%03d".formatted(n);
    }

    /**
     * {@code customers × eventsPerCustomer} events spread over {@code [from, to)}, values with up to
     * three decimals.
     */
    public static SampleWorkload generate(long seed, int customers, int eventsPerCustomer, Instant from, Instant to) {
        Random random = new Random(seed);
        long span = Math.max(1, Duration.between(from, to).toMillis());
        List<UsageSample> events = new ArrayList<>(customers * eventsPerCustomer);
        for (int e = 0; e < eventsPerCustomer; e++) {
            for (int c = 0; c < customers; c++) {
                String customer = customer(c + 1);
                String meter = METERS.get(random.nextInt(METERS.size()));
                Instant time = from.plusMillis((long) (random.nextDouble() * span));
                BigDecimal value = BigDecimal.valueOf(1 + random.nextInt(100_000), 3); // 0.001 .. 100.000
                // the seed in base 36: a long run of digits in an id can look like a card number to the gateway
                events.add(new UsageSample("evt-%s-%s-%05d".formatted(Long.toString(seed, 36), customer, e), customer,
                        meter, time, value));
            }
        }
        return new SampleWorkload(List.copyOf(events));
    }

    /** The customers the events name, sorted. */
    public List<String> customers() {
        return events.stream().map(UsageSample::customer).distinct().sorted().toList();
    }

    /** Expected quantity per customer and meter ({@code customer/meter}). */
    public Map<String, BigDecimal> expectedQuantities() {
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (UsageSample event : events) {
            quantities.merge(event.customer() + "/" + event.meter(), event.value(), BigDecimal::add);
        }
        return quantities;
    }

    /** Expected invoice total per customer in cents: the plan's flat fee plus each usage line rounded once. */
    public Map<String, Long> expectedTotalsMinor() {
        return DemoPlan.totalsMinor(expectedQuantities());
    }
}
