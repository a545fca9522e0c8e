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
import java.util.function.Consumer;

/**
 * Sustained load after the checked phases, on the same stack: first a short burst as fast as the gateway takes
 * events, then a wait until rating has charged all of it; the maximum rate is the burst's events over that whole
 * time (what the pipeline sustains end to end: the gateway alone takes events faster than rating charges them, and a
 * soak above rating's rate only grows a backlog). Then half that rate for the plan's warm-up and measured window
 * ({@link SoakPlan}) while every process's RSS is sampled.
 * Reports the rates, each process's RSS over the warm-up and its slope over the whole measured window (which decides
 * {@code soak-memory}), each JVM's live heap after a full GC before the warm-up and after the measured window
 * ({@link LiveHeap}), and returns the soak's own quantities so conservation can be checked again afterwards.
 */
final class Soak {

    static final Duration BURST = Duration.ofSeconds(15);
    /** A process whose resident memory grows faster than this over the measured window fails the check. */
    static final double FLAT_MB_PER_MINUTE = 3.0;
    /** RSS sampling interval: 60 samples per process in a 10-minute measured window. */
    private static final long SAMPLE_SECONDS = 10;
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
     * @param pause        spends the time left in each second of the soak; the harness reads the charges then, so that
     *                     after a long soak only the last seconds' are left to read
     */
    List<Check> run(LocalStack stack, SoakPlan plan, Map<String, String> facts, Runnable awaitCharged,
            Consumer<Duration> pause) {
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
        facts.put("soak rate", "%d events/s for %d min warm-up + %d min measured".formatted(rate,
                plan.warmUp().toMinutes(), plan.measured().toMinutes()));
        out.printf("  soak: burst acknowledged at %.0f events/s, charged at %.0f events/s; now %d events/s for %s"
                + " warm-up + %s measured%n", gatewayRate, maxRate, rate, plan.warmUp(), plan.measured());

        List<Check> checks = new ArrayList<>();
        Map<String, OptionalDouble> heapBefore = liveHeaps(stack);
        try (RssSampler rss = new RssSampler(stack, SAMPLE_SECONDS)) {
            long soakStart = System.nanoTime();
            long soakEnd = soakStart + plan.total().toNanos();
            long second = 0;
            long behind = 0;
            while (System.nanoTime() < soakEnd) {
                sender.send(events(rate));
                second++;
                long due = soakStart + second * 1_000_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    pause.accept(Duration.ofNanos(wait));   // pacing to the target rate, not synchronisation
                } else {
                    behind++;
                }
            }
            facts.put("soak seconds behind schedule", Long.toString(behind));
            checks.add(memory(rss.samples(), plan.warmUp().toSeconds(), facts));
        }
        Map<String, OptionalDouble> heapAfter = liveHeaps(stack);
        double minutes = plan.total().toSeconds() / 60.0;
        heapBefore.forEach((name, before) -> {
            OptionalDouble after = heapAfter.getOrDefault(name, OptionalDouble.empty());
            if (before.isPresent() && after.isPresent()) {
                facts.put("soak live heap " + name, "%.0f→%.0f MB (%+.2f MB/min, after a full GC before the warm-up"
                        .formatted(before.getAsDouble(), after.getAsDouble(),
                                (after.getAsDouble() - before.getAsDouble()) / minutes) + " and at the end)");
            }
        });
        return checks;
    }

    /**
     * {@code soak-memory}: every process's RSS slope over the samples from {@code measuredFrom} seconds on (the
     * measured window) must stay under {@link #FLAT_MB_PER_MINUTE}; what it did during the warm-up before is reported
     * beside it. Adds each process's figures to {@code facts}.
     */
    static Check memory(Map<String, List<RssSampler.Sample>> samples, double measuredFrom, Map<String, String> facts) {
        StringBuilder slopes = new StringBuilder();
        boolean flat = true;
        for (var process : samples.entrySet()) {
            List<RssSampler.Sample> warmUp = process.getValue().stream().filter(s -> s.seconds() < measuredFrom).toList();
            List<RssSampler.Sample> measured = process.getValue().stream().filter(s -> s.seconds() >= measuredFrom)
                    .toList();
            double slope = RssSampler.slopePerMinute(measured, measuredFrom);
            flat &= slope < FLAT_MB_PER_MINUTE;
            slopes.append("%s %.0f→%.0f MB (%+.2f MB/min); ".formatted(process.getKey(), first(measured),
                    last(measured), slope));
            facts.put("soak RSS slope " + process.getKey(), "%+.2f MB/min (measured window)".formatted(slope));
            if (!warmUp.isEmpty()) {
                facts.put("soak RSS warm-up " + process.getKey(), "%.0f→%.0f MB".formatted(first(warmUp), last(warmUp)));
            }
        }
        return new Check("soak-memory", flat, slopes + "limit " + FLAT_MB_PER_MINUTE + " MB/min");
    }

    private static double first(List<RssSampler.Sample> samples) {
        return samples.isEmpty() ? 0 : samples.get(0).megabytes();
    }

    private static double last(List<RssSampler.Sample> samples) {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).megabytes();
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
}
