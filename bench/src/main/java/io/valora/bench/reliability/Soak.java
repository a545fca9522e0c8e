package io.valora.bench.reliability;

import io.valora.bench.reliability.HarnessEvent.Phase;
import io.valora.deploy.LocalStack;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Sustained load after the checked phases, on the same stack: first a short burst as fast as the gateway takes
 * events, then a wait until rating has charged all of it; the maximum rate is the burst's events over that whole
 * time (what the pipeline sustains end to end: the gateway alone takes events faster than rating charges them, and a
 * soak above rating's rate only grows a backlog). Then {@code duration} at half that rate while every process's RSS
 * is sampled.
 * Reports the rates and each process's memory slope over the second half (after warm-up), each JVM's live heap
 * after a full GC at the start and the end ({@link LiveHeap}), and returns the soak's own quantities so
 * conservation can be checked again afterwards.
 */
final class Soak {

    static final Duration BURST = Duration.ofSeconds(15);
    /** A process whose resident memory grows faster than this over the second half fails the check. */
    static final double FLAT_MB_PER_MINUTE = 3.0;
    /** The PostgreSQL component's name in {@link LocalStack#components()}. */
    private static final String POSTGRES = "postgres";

    private final Scenario scenario;
    private final EventSender sender;
    private final PrintStream out;
    private final Map<String, BigDecimal> quantities = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long next;

    Soak(Scenario scenario, EventSender sender, PrintStream out) {
        this.scenario = scenario;
        this.sender = sender;
        this.out = out;
    }

    /**
     * Runs burst and soak; adds facts and the memory check.
     *
     * @param awaitCharged returns once rated-charges holds every event sent so far (or its deadline passed)
     */
    List<Check> run(LocalStack stack, Duration duration, Map<String, String> facts, Runnable awaitCharged) {
        int batch = scenario.config().batchSize();
        long burstEnd = System.nanoTime() + BURST.toNanos();
        long begin = System.nanoTime();
        long sentBefore = sender.sent();
        while (System.nanoTime() < burstEnd) {
            sender.send(events(batch * scenario.config().senders()));
        }
        long burstEvents = sender.sent() - sentBefore;
        double gatewayRate = burstEvents / ((System.nanoTime() - begin) / 1e9);
        awaitCharged.run();
        double maxRate = burstEvents / ((System.nanoTime() - begin) / 1e9);
        int rate = (int) Math.max(1, maxRate / 2);
        facts.put("soak burst acknowledged by the gateway", "%.0f events/s".formatted(gatewayRate));
        facts.put("soak max rate (burst sent and charged)", "%.0f events/s".formatted(maxRate));
        facts.put("soak rate", rate + " events/s for " + duration.toMinutes() + " min");
        out.printf("  soak: burst acknowledged at %.0f events/s, charged at %.0f events/s; now %d events/s for %s%n",
                gatewayRate, maxRate, rate, duration);

        List<Check> checks = new ArrayList<>();
        Map<String, OptionalDouble> heapBefore = liveHeaps(stack);
        try (RssSampler rss = new RssSampler(stack, 10)) {
            long soakStart = System.nanoTime();
            long soakEnd = soakStart + duration.toNanos();
            long second = 0;
            long behind = 0;
            while (System.nanoTime() < soakEnd) {
                sender.send(events(rate));
                second++;
                long due = soakStart + second * 1_000_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);   // pacing to the target rate, not synchronisation
                } else {
                    behind++;
                }
            }
            facts.put("soak seconds behind schedule", Long.toString(behind));
            double half = duration.toSeconds() / 2.0;
            StringBuilder slopes = new StringBuilder();
            boolean flat = true;
            for (var process : rss.samples().entrySet()) {
                var samples = process.getValue();
                double slope = RssSampler.slopePerMinute(samples, half);
                flat &= slope < FLAT_MB_PER_MINUTE;
                slopes.append("%s %.0f→%.0f MB (%+.2f MB/min); ".formatted(process.getKey(),
                        samples.isEmpty() ? 0 : samples.get(0).megabytes(),
                        samples.isEmpty() ? 0 : samples.get(samples.size() - 1).megabytes(), slope));
                facts.put("soak RSS slope " + process.getKey(), "%+.2f MB/min (second half)".formatted(slope));
            }
            checks.add(new Check("soak-memory", flat, slopes + "limit " + FLAT_MB_PER_MINUTE + " MB/min"));
        }
        Map<String, OptionalDouble> heapAfter = liveHeaps(stack);
        heapBefore.forEach((name, before) -> {
            OptionalDouble after = heapAfter.getOrDefault(name, OptionalDouble.empty());
            if (before.isPresent() && after.isPresent()) {
                facts.put("soak live heap " + name, "%.0f→%.0f MB (%+.2f MB/min, after a full GC at start and end)"
                        .formatted(before.getAsDouble(), after.getAsDouble(),
                                (after.getAsDouble() - before.getAsDouble()) / duration.toSeconds() * 60));
            }
        });
        return checks;
    }

    /**
     * Live heap of every JVM of the stack; PostgreSQL's component is its launcher JVM, whose heap says nothing about
     * the server (native memory, in its RSS), so it is left out.
     */
    private static Map<String, OptionalDouble> liveHeaps(LocalStack stack) {
        Map<String, OptionalDouble> heaps = new TreeMap<>();
        stack.components().stream().filter(c -> !c.name().equals(POSTGRES))
                .forEach(c -> heaps.put(c.name(), LiveHeap.afterFullGc(c.pid())));
        return heaps;
    }

    private List<HarnessEvent> events(int n) {
        List<HarnessEvent> events = new ArrayList<>(n);
        List<HarnessCustomer> customers = scenario.customers();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            long id = next++;
            HarnessCustomer customer = customers.get((int) (id % customers.size()));
            BigDecimal value = BigDecimal.valueOf(1000 + id % 7000, 3);
            events.add(new HarnessEvent(customer.tenant(), "soak-" + id, customer.id(), HarnessCatalog.REQUESTS, now,
                    value, Phase.AFTER_CHANGE));
            String key = customer.key() + "/" + HarnessCatalog.REQUESTS;
            quantities.merge(key, value, BigDecimal::add);
            counts.merge(key, 1L, Long::sum);
        }
        return events;
    }

    /** Quantity the soak added per {@code tenant/customer/meter}. */
    Map<String, BigDecimal> quantities() {
        return Map.copyOf(quantities);
    }

    /** Events the soak added per {@code tenant/customer/meter}. */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
