package io.valora.deploy.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A reproducible sample workload (seeded) and its ground truth, computed here with plain
 * {@link BigDecimal} arithmetic — independently of the pipeline — so the invoices can be checked.
 *
 * @param events the events, in sending order
 * @param unitPrice price per unit the services were configured with
 */
public record SampleWorkload(List<UsageSample> events, BigDecimal unitPrice) {

    /** The meters the workload uses. */
    public static final List<String> METERS = List.of("api_call", "storage_gb_hour", "tokens");

    /**
     * {@code customers × eventsPerCustomer} events spread over {@code [from, to)}, values with up to
     * three decimals.
     */
    public static SampleWorkload generate(long seed, int customers, int eventsPerCustomer, Instant from, Instant to,
            BigDecimal unitPrice) {
        Random random = new Random(seed);
        long span = Math.max(1, Duration.between(from, to).toMillis());
        List<UsageSample> events = new ArrayList<>(customers * eventsPerCustomer);
        for (int e = 0; e < eventsPerCustomer; e++) {
            for (int c = 0; c < customers; c++) {
                String customer = "customer-%03d".formatted(c + 1);
                String meter = METERS.get(random.nextInt(METERS.size()));
                Instant time = from.plusMillis((long) (random.nextDouble() * span));
                BigDecimal value = BigDecimal.valueOf(1 + random.nextInt(100_000), 3); // 0.001 .. 100.000
                events.add(new UsageSample("evt-%d-%s-%05d".formatted(seed, customer, e), customer, meter, time, value));
            }
        }
        return new SampleWorkload(List.copyOf(events), unitPrice);
    }

    /** Expected quantity per customer and meter ({@code customer/meter}). */
    public Map<String, BigDecimal> expectedQuantities() {
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (UsageSample event : events) {
            quantities.merge(event.customer() + "/" + event.meter(), event.value(), BigDecimal::add);
        }
        return quantities;
    }

    /** Expected invoice total per customer in cents: each line rounded half-up once, then summed. */
    public Map<String, Long> expectedTotalsMinor() {
        Map<String, Long> totals = new TreeMap<>();
        expectedQuantities().forEach((key, quantity) -> {
            long line = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
            totals.merge(key.substring(0, key.indexOf('/')), line, Long::sum);
        });
        return totals;
    }
}
