package io.valora.bench.reliability;

import io.valora.bench.reliability.HarnessEvent.Phase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated workload: tenants, customers and their distinct events per phase, all derived from the
 * configuration's seed and the run's reference instant. Duplicates and the sending order are added per run
 * ({@link #sendOrder}), so two runs of one scenario send the same events in different orders.
 *
 * @param config    what was generated
 * @param now       reference instant: current-period events lie before it, the previous period's after
 *                  {@code now - 33 days} (within the gateway's and rating's 35-day age limits)
 * @param tenants   tenant ids
 * @param customers every customer
 * @param events    distinct events per phase; {@link Phase#AFTER_CHANGE} times are offsets from the epoch, placed
 *                  after the plan changes by {@link #afterChange}
 */
public record Scenario(HarnessConfig config, Instant now, List<String> tenants, List<HarnessCustomer> customers,
        Map<Phase, List<HarnessEvent>> events) {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"), ZoneId.of("Australia/Sydney"));
    static final Duration OLDEST = Duration.ofDays(33);

    /** Generates the scenario of {@code config} around {@code now}. */
    public static Scenario generate(HarnessConfig config, Instant now) {
        Random random = new Random(config.seed());
        List<String> tenants = new ArrayList<>();
        List<HarnessCustomer> customers = new ArrayList<>();
        Map<Phase, List<HarnessEvent>> events = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            events.put(phase, new ArrayList<>());
        }
        for (int t = 1; t <= config.tenants(); t++) {
            String tenant = "rt%02d".formatted(t);
            tenants.add(tenant);
            for (int c = 1; c <= config.customersPerTenant(); c++) {
                HarnessCustomer customer = new HarnessCustomer(tenant, "c%05d".formatted(c), ZONES.get(c % ZONES.size()),
                        random.nextDouble() < config.planChangeRate());
                customers.add(customer);
                addEvents(config, now, customer, random, events);
            }
        }
        events.replaceAll((phase, list) -> List.copyOf(list));
        return new Scenario(config, now, List.copyOf(tenants), List.copyOf(customers), Map.copyOf(events));
    }

    private static void addEvents(HarnessConfig config, Instant now, HarnessCustomer customer, Random random,
            Map<Phase, List<HarnessEvent>> events) {
        Instant currentStart = customer.currentPeriodStart(now);
        Instant previousFrom = max(customer.previousPeriodStart(now), now.minus(OLDEST));
        int n = config.eventsPerCustomer();
        for (int e = 0; e < n; e++) {
            double at = random.nextDouble();
            Phase phase = at < 0.30 ? Phase.PREVIOUS : at < 0.85 ? Phase.CURRENT : at < 0.95 ? Phase.AFTER_CHANGE : Phase.LATE;
            if (e == 0) {
                phase = Phase.AFTER_CHANGE;   // every customer moves its partition's stream time past the old period
            }
            String meter = HarnessCatalog.METERS.get(random.nextInt(HarnessCatalog.METERS.size()));
            if (phase == Phase.LATE && HarnessCatalog.MAX_METERS.contains(meter)) {
                meter = HarnessCatalog.REQUESTS;   // late usage only on summed meters (an adjustment of a maximum is not a sum)
            }
            Instant time = switch (phase) {
                case PREVIOUS, LATE -> between(random, previousFrom, currentStart);
                case CURRENT -> between(random, currentStart, now);
                case AFTER_CHANGE -> Instant.ofEpochMilli(1 + random.nextInt(2_000));
            };
            String id = "%s-%s-%05d".formatted(customer.tenant(), customer.id(), e);
            events.get(phase).add(new HarnessEvent(customer.tenant(), id, customer.id(), meter, time, value(meter, random),
                    phase));
        }
    }

    private static BigDecimal value(String meter, Random random) {
        return switch (meter) {
            case HarnessCatalog.REQUESTS -> BigDecimal.valueOf(1 + random.nextInt(1_000_000), 3);
            case HarnessCatalog.TOKENS -> BigDecimal.valueOf(1 + random.nextInt(2_000));
            default -> BigDecimal.valueOf(1 + random.nextInt(500));
        };
    }

    private static Instant between(Random random, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return from.plusMillis((long) (random.nextDouble() * span));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** {@link Phase#AFTER_CHANGE} events placed at {@code base} plus their offsets. */
    public List<HarnessEvent> afterChange(Instant base) {
        return events.get(Phase.AFTER_CHANGE).stream()
                .map(e -> new HarnessEvent(e.tenant(), e.id(), e.customer(), e.meter(),
                        base.plusMillis(e.time().toEpochMilli()), e.value(), e.phase()))
                .toList();
    }

    /**
     * The events of one phase as sent: every distinct event once plus {@code duplicateRate} of them again (the same
     * ones in every run of this scenario), shuffled by {@code orderSeed}.
     */
    public List<HarnessEvent> sendOrder(List<HarnessEvent> distinct, long orderSeed) {
        Random duplicates = new Random(config.seed() * 31 + distinct.size());
        List<HarnessEvent> sent = new ArrayList<>(distinct);
        for (HarnessEvent event : distinct) {
            if (duplicates.nextDouble() < config.duplicateRate()) {
                sent.add(event);
            }
        }
        Collections.shuffle(sent, new Random(orderSeed));
        return sent;
    }

    /** The customer of an event. */
    public HarnessCustomer customer(String tenant, String id) {
        return customers.stream().filter(c -> c.tenant().equals(tenant) && c.id().equals(id)).findFirst().orElseThrow();
    }
}
