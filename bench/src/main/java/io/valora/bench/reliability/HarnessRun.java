package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.valora.bench.reliability.HarnessEvent.Phase;
import io.valora.deploy.LocalStack;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.SecureClusterConfig;
import io.valora.deploy.demo.RatedChargeWatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of a {@link Scenario} against a fresh stack: catalog over REST, probes until rating knows it, the four
 * phases (faults during the current period), plan changes, then the wait for the charges, the period closes and
 * the checks of this run. The stack is stopped at the end, also on failure.
 */
public final class HarnessRun {

    static final String OPERATOR_TOKEN = "reliability-operator-token";
    /** invoice-service's consumer group ({@code valora.consumer.group-id}, its default). */
    static final String INVOICE_GROUP = "valora-invoice-service";
    /** Generous for 2 busy cores: how long the charges (or invoice-service's reading) may take to catch up. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    private final Scenario scenario;
    private final LocalStackSettings settings;
    private final long orderSeed;
    private final SoakPlan soak;
    private final List<Fault> faults;
    private final PrintStream out;
    private final Map<String, String> facts = new LinkedHashMap<>();

    /**
     * @param soak   sustained load after the checks on the same stack ({@link Soak}); {@link SoakPlan#NONE} for none
     * @param faults applied while the current period is sent, when the scenario has faults ({@link Fault#schedule})
     */
    public HarnessRun(Scenario scenario, LocalStackSettings settings, long orderSeed, SoakPlan soak, List<Fault> faults,
            PrintStream out) {
        this.scenario = scenario;
        this.settings = settings;
        this.orderSeed = orderSeed;
        this.soak = soak;
        this.faults = List.copyOf(faults);
        this.out = out;
    }

    public RunResult execute(String label) {
        long started = System.nanoTime();
        try (LocalStack stack = startStack()) {
            HarnessClient client = new HarnessClient(stack.ingestGatewayUrl(), stack.invoiceServiceUrl(), OPERATOR_TOKEN);
            Map<String, String> keys = new TreeMap<>();
            scenario.tenants().forEach(t -> keys.put(t, client.createTenant(t)));
            CatalogWriter catalog = new CatalogWriter(scenario, client, keys);
            Map<String, String> subscriptions = catalog.create();
            out.printf("  catalog: %d tenants, %d customers with a subscription each%n", keys.size(), subscriptions.size());

            try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.adminClientProperties(),
                    stack.topics().ratedCharges())) {
                RatingReadiness rating = new RatingReadiness(scenario, client, keys, charges);
                facts.put("catalog reached rating after", rating.awaitCatalog());
                EventSender sender = new EventSender(client, keys, scenario.config().batchSize(), scenario.config().senders());
                List<HarnessEvent> distinct = new ArrayList<>();

                // one wave per end of the previous month (customers' zones), the earliest end first, each charged
                // before the next is sent: rating's stream time is shared by every customer of a task, so an
                // October event of New York (ending 04:00 UTC on November 1st) processed before Sydney's
                // October events (ending 13:00 UTC on October 31st) makes them late by more than the grace;
                // rating repartitions by charge, so the wait is on rated-charges, not only on the gateway
                for (List<HarnessEvent> wave : previousWaves()) {
                    distinct.addAll(sendPhase(sender, wave, Phase.PREVIOUS));
                    settle("previous", charges, GroundTruth.of(scenario, distinct));
                }
                List<HarnessEvent> current = scenario.sendOrder(scenario.events().get(Phase.CURRENT), orderSeed);
                List<List<String>> applied = new ArrayList<>();
                timed("send " + Phase.CURRENT, () -> {
                    if (scenario.config().faults()) {
                        applied.add(FaultSchedule.during(stack, faults, current, sender::send, out));
                    } else {
                        sender.send(current);
                    }
                });
                List<String> faultsApplied = applied.isEmpty() ? List.of() : applied.get(0);
                distinct.addAll(scenario.events().get(Phase.CURRENT));
                CatalogWriter.PlanChanges changes = catalog.changePlans(subscriptions);
                facts.put("plan changes", Integer.toString(changes.count()));
                facts.put("plan changes reached rating after", rating.awaitPlanChanges(changes.effectiveAfter()));
                distinct.addAll(sendPhase(sender, scenario.afterChange(changes.effectiveAfter()), Phase.AFTER_CHANGE));
                distinct.addAll(sendPhase(sender, scenario.events().get(Phase.LATE), Phase.LATE));
                facts.put("events distinct", Integer.toString(distinct.size()));
                facts.put("events sent (with duplicates)", Long.toString(sender.sent()));
                facts.put("batches sent again", Integer.toString(sender.retries()));

                GroundTruth truth = GroundTruth.of(scenario, distinct);
                List<Check> checks = new ArrayList<>();
                checks.add(acknowledged(sender.acknowledged(), distinct));
                settle("all", charges, truth);
                checks.add(Check.compare("charges", "tenant/customer/meter quantities on rated-charges", truth.quantities(),
                        RatedTotals.quantities(charges.latest()), BigDecimal.ZERO));
                checks.add(Check.compare("no-loss", "tenant/customer/meter event counts", truth.eventCounts(),
                        RatedTotals.eventCounts(charges.latest()), 0L));

                awaitInvoiceService(stack);
                List<JsonNode> invoices = closeAndFetch(client, keys);
                checks.add(Check.compare("conservation", "tenant/customer/meter quantities on invoices", truth.quantities(),
                        InvoiceTotals.quantities(invoices), BigDecimal.ZERO));
                checks.add(Check.compare("money", "invoice totals (cents)", truth.invoiceTotals(),
                        InvoiceTotals.totals(invoices), 0L));
                facts.put("invoices", Integer.toString(invoices.size()));
                if (!soak.isOff()) {
                    checks.addAll(soak(stack, sender, charges, truth));
                }
                facts.put("duration", (System.nanoTime() - started) / 1_000_000_000 + " s");
                stack.components().forEach(c -> facts.put("RSS " + c.name(), c.rssBytes() / (1024 * 1024) + " MB"));
                return new RunResult(label, checks, InvoiceTotals.fingerprint(invoices), Map.copyOf(facts),
                        faultsApplied);
            }
        }
    }

    /**
     * The plain stack, or (a secured scenario) the secured one with its three brokers on free ports, as the other
     * components of a run: runs never collide with a stack started by hand on the default ports.
     */
    private LocalStack startStack() {
        if (!scenario.config().secure()) {
            return LocalStack.start(settings);
        }
        return LocalStack.startSecure(settings, SecureClusterConfig.onFreePorts(settings.dataDir().resolve("kafka-secure"),
                settings.logDir()));
    }

    /** Sustained load, then the charges must again hold every event once (the checked phases plus the soak's). */
    private List<Check> soak(LocalStack stack, EventSender sender, RatedChargeWatcher charges, GroundTruth truth) {
        Soak load = new Soak(scenario, sender, out);
        List<Check> checks = new ArrayList<>(load.run(stack, soak, facts,
                () -> settle("soak burst", charges, withSoak(truth, load)), charges::readFor));
        GroundTruth after = withSoak(truth, load);
        settle("soak", charges, after);
        checks.add(Check.compare("soak-charges", "tenant/customer/meter quantities after the soak", after.quantities(),
                RatedTotals.quantities(charges.latest()), BigDecimal.ZERO));
        checks.add(Check.compare("soak-no-loss", "tenant/customer/meter event counts after the soak", after.eventCounts(),
                RatedTotals.eventCounts(charges.latest()), 0L));
        return checks;
    }

    /** The checked phases' truth plus every event the soak has sent so far. */
    private static GroundTruth withSoak(GroundTruth truth, Soak load) {
        Map<String, BigDecimal> quantities = new TreeMap<>(truth.quantities());
        load.quantities().forEach((k, q) -> quantities.merge(k, q, BigDecimal::add));
        quantities.replaceAll((k, q) -> GroundTruth.canonical(q));
        Map<String, Long> counts = new TreeMap<>(truth.eventCounts());
        load.counts().forEach((k, n) -> counts.merge(k, n, Long::sum));
        return new GroundTruth(quantities, counts, truth.invoiceTotals());
    }

    /** {@code PREVIOUS} events grouped by the end of their customer's previous period, earliest end first. */
    private List<List<HarnessEvent>> previousWaves() {
        Map<Instant, List<HarnessEvent>> waves = new TreeMap<>();
        for (HarnessEvent event : scenario.events().get(Phase.PREVIOUS)) {
            Instant end = scenario.customer(event.tenant(), event.customer()).currentPeriodStart(scenario.now());
            waves.computeIfAbsent(end, e -> new ArrayList<>()).add(event);
        }
        return List.copyOf(waves.values());
    }

    private List<HarnessEvent> sendPhase(EventSender sender, List<HarnessEvent> distinct, Phase phase) {
        List<HarnessEvent> order = scenario.sendOrder(distinct, orderSeed + phase.ordinal());
        timed("send " + phase, () -> sender.send(order));
        return distinct;
    }

    private void timed(String what, Runnable step) {
        long begin = System.nanoTime();
        step.run();
        long millis = (System.nanoTime() - begin) / 1_000_000;
        facts.put(what, millis + " ms");
        out.printf("  %s: %d ms%n", what, millis);
    }

    private static Check acknowledged(Set<String> acknowledged, List<HarnessEvent> distinct) {
        Set<String> missing = new HashSet<>();
        distinct.forEach(e -> missing.add(e.tenant() + "/" + e.id()));
        missing.removeAll(acknowledged);
        return new Check("acknowledged", missing.isEmpty(), "%d distinct events, %d without a 202".formatted(
                distinct.size(), missing.size()));
    }

    /**
     * Polls rated-charges until its quantities equal the truth, or a deadline passes (the checks then show how far).
     * Compares only once a poll comes back less than full, that is once this reader has caught up with what rating
     * wrote: summing every key after each batch of a long backlog cost more than the deadline (a 30-minute soak left
     * 8.9 million charges, and reading them that way took 354 s, with every charge already there).
     */
    private void settle(String phase, RatedChargeWatcher charges, GroundTruth truth) {
        long begin = System.nanoTime();
        long deadline = begin + SETTLE_TIMEOUT.toNanos();
        boolean settled = RatedTotals.quantities(charges.latest()).equals(truth.quantities());
        while (!settled && System.nanoTime() < deadline) {
            int read = charges.poll(Duration.ofMillis(500));
            if (read < RatedChargeWatcher.MAX_POLL_RECORDS) {
                settled = RatedTotals.quantities(charges.latest()).equals(truth.quantities());
            }
        }
        if (!settled) { // the deadline may have come right after a full poll, before any comparison
            settled = RatedTotals.quantities(charges.latest()).equals(truth.quantities());
        }
        facts.put("charges settled (" + phase + ") after", (System.nanoTime() - begin) / 1_000_000 + " ms"
                + (settled ? "" : ", NOT settled at the deadline"));
    }

    /**
     * Barrier before closing: after its SIGKILL invoice-service may not have consumed every rated charge yet (its
     * group waits for the killed member's session to expire), and a period closed then misses charges.
     */
    private void awaitInvoiceService(LocalStack stack) {
        long begin = System.nanoTime();
        int lagging = ConsumerCaughtUp.await(stack.adminClientProperties(), INVOICE_GROUP, stack.topics().ratedCharges(),
                SETTLE_TIMEOUT);
        facts.put("invoice-service caught up after", (System.nanoTime() - begin) / 1_000_000 + " ms"
                + (lagging == 0 ? "" : ", " + lagging + " partition(s) still behind at the deadline"));
    }

    private List<JsonNode> closeAndFetch(HarnessClient client, Map<String, String> keys) {
        long begin = System.nanoTime();
        List<JsonNode> invoices = new ArrayList<>();
        for (var tenant : keys.entrySet()) {
            Set<Instant> periods = new TreeSet<>();
            scenario.customers().stream().filter(c -> c.tenant().equals(tenant.getKey())).forEach(c -> {
                periods.add(c.previousPeriodStart(scenario.now()));
                periods.add(c.currentPeriodStart(scenario.now()));
            });
            periods.forEach(p -> client.closePeriod(tenant.getValue(), p));
            client.invoices(tenant.getValue()).forEach(i -> {
                ((ObjectNode) i).put("tenant", tenant.getKey());
                invoices.add(i);
            });
        }
        facts.put("close + fetch invoices", (System.nanoTime() - begin) / 1_000_000 + " ms");
        keepForInspection(invoices);
        return invoices;
    }

    /** The invoices as fetched, next to the run's data, so a failed check can be traced to its lines. */
    private void keepForInspection(List<JsonNode> invoices) {
        try {
            Files.createDirectories(settings.dataDir());
            new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(settings.dataDir().resolve("invoices.json").toFile(), invoices);
        } catch (IOException e) {
            out.println("  invoices not kept: " + e.getMessage());
        }
    }
}
