package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.valora.bench.reliability.HarnessEvent.Phase;
import io.valora.deploy.LocalStack;
import io.valora.deploy.LocalStackSettings;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.schemas.RatedCharge;
import java.io.PrintStream;
import java.math.BigDecimal;
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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One run of a {@link Scenario} against a fresh stack: catalog over REST, probes until rating knows it, the four
 * phases (faults during the current period), plan changes, then the wait for the charges, the period closes and
 * the checks of this run. The stack is stopped at the end, also on failure.
 */
public final class HarnessRun {

    static final String OPERATOR_TOKEN = "reliability-operator-token";
    private static final Duration CATALOG_TIMEOUT = Duration.ofMinutes(3);
    /** invoice-service's consumer group ({@code valora.consumer.group-id}, its default). */
    static final String INVOICE_GROUP = "valora-invoice-service";
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    private final Scenario scenario;
    private final LocalStackSettings settings;
    private final long orderSeed;
    private final Duration soak;
    private final PrintStream out;
    private final Map<String, String> facts = new LinkedHashMap<>();

    /**
     * @param soak sustained load after the checks on the same stack ({@link Soak}); zero for none
     */
    public HarnessRun(Scenario scenario, LocalStackSettings settings, long orderSeed, Duration soak, PrintStream out) {
        this.scenario = scenario;
        this.settings = settings;
        this.orderSeed = orderSeed;
        this.soak = soak;
        this.out = out;
    }

    public RunResult execute(String label) {
        long started = System.nanoTime();
        try (LocalStack stack = LocalStack.start(settings)) {
            HarnessClient client = new HarnessClient(stack.ingestGatewayUrl(), stack.invoiceServiceUrl(), OPERATOR_TOKEN);
            Map<String, String> keys = new TreeMap<>();
            scenario.tenants().forEach(t -> keys.put(t, client.createTenant(t)));
            Map<String, String> subscriptions = createCatalog(client, keys);
            out.printf("  catalog: %d tenants, %d customers with a subscription each%n", keys.size(), subscriptions.size());

            try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.bootstrapServers(), stack.topics().ratedCharges())) {
                awaitCatalog(client, keys, charges);
                EventSender sender = new EventSender(client, keys, scenario.config().batchSize(), scenario.config().senders());
                List<HarnessEvent> distinct = new ArrayList<>();
                List<String> faults = List.of();

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
                        applied.add(FaultSchedule.during(stack, current, sender::send, out));
                    } else {
                        sender.send(current);
                    }
                });
                faults = applied.isEmpty() ? List.of() : applied.get(0);
                distinct.addAll(scenario.events().get(Phase.CURRENT));
                Instant changedAt = changePlans(client, keys, subscriptions);
                awaitPlanChanges(client, keys, charges, changedAt);
                distinct.addAll(sendPhase(sender, scenario.afterChange(changedAt), Phase.AFTER_CHANGE));
                distinct.addAll(sendPhase(sender, scenario.events().get(Phase.LATE), Phase.LATE));
                facts.put("events distinct", Integer.toString(distinct.size()));
                facts.put("events sent (with duplicates)", Long.toString(sender.sent()));
                facts.put("batches sent again", Integer.toString(sender.retries()));

                GroundTruth truth = GroundTruth.of(scenario, distinct);
                List<Check> checks = new ArrayList<>();
                checks.add(acknowledged(sender.acknowledged(), distinct));
                settle("all", charges, truth);
                checks.add(Check.compare("charges", "tenant/customer/meter quantities on rated-charges", truth.quantities(),
                        chargeQuantities(charges.latest()), BigDecimal.ZERO));
                checks.add(Check.compare("no-loss", "tenant/customer/meter event counts", truth.eventCounts(),
                        eventCounts(charges.latest()), 0L));

                awaitInvoiceService(stack);
                List<JsonNode> invoices = closeAndFetch(client, keys);
                checks.add(Check.compare("conservation", "tenant/customer/meter quantities on invoices", truth.quantities(),
                        invoicedQuantities(invoices), BigDecimal.ZERO));
                checks.add(Check.compare("money", "invoice totals (cents)", truth.invoiceTotals(), invoiceTotals(invoices),
                        0L));
                facts.put("invoices", Integer.toString(invoices.size()));
                if (!soak.isZero()) {
                    checks.addAll(soak(stack, sender, charges, truth));
                }
                facts.put("duration", (System.nanoTime() - started) / 1_000_000_000 + " s");
                stack.components().forEach(c -> facts.put("RSS " + c.name(), c.rssBytes() / (1024 * 1024) + " MB"));
                return new RunResult(label, checks, fingerprint(invoices), Map.copyOf(facts), faults);
            }
        }
    }

    /** Sustained load, then the charges must again hold every event once (the checked phases plus the soak's). */
    private List<Check> soak(LocalStack stack, EventSender sender, RatedChargeWatcher charges, GroundTruth truth) {
        Soak load = new Soak(scenario, sender, out);
        List<Check> checks = new ArrayList<>(load.run(stack, soak, facts));
        Map<String, BigDecimal> quantities = new TreeMap<>(truth.quantities());
        load.quantities().forEach((k, q) -> quantities.merge(k, q, BigDecimal::add));
        quantities.replaceAll((k, q) -> GroundTruth.canonical(q));
        Map<String, Long> counts = new TreeMap<>(truth.eventCounts());
        load.counts().forEach((k, n) -> counts.merge(k, n, Long::sum));
        settle("soak", charges, new GroundTruth(quantities, counts, truth.invoiceTotals()));
        checks.add(Check.compare("soak-charges", "tenant/customer/meter quantities after the soak", quantities,
                chargeQuantities(charges.latest()), BigDecimal.ZERO));
        checks.add(Check.compare("soak-no-loss", "tenant/customer/meter event counts after the soak", counts,
                eventCounts(charges.latest()), 0L));
        return checks;
    }

    private Map<String, String> createCatalog(HarnessClient client, Map<String, String> keys) {
        Map<String, String> subscriptions = new TreeMap<>();
        for (var tenant : keys.entrySet()) {
            String key = tenant.getValue();
            HarnessCatalog.meterBodies().forEach(meter -> client.post(key, "/v1/meters", meter));
            client.post(key, "/v1/plans", HarnessCatalog.planBody(HarnessCatalog.BASIC));
            client.post(key, "/v1/plans", HarnessCatalog.planBody(HarnessCatalog.PRO));
            for (HarnessCustomer customer : scenario.customers()) {
                if (!customer.tenant().equals(tenant.getKey())) {
                    continue;
                }
                var json = JsonNodeFactory.instance;
                client.post(key, "/v1/customers", json.objectNode().put("externalId", customer.id())
                        .put("name", customer.id()).put("timeZone", customer.zone().getId()).put("currency", "USD"));
                JsonNode subscription = client.post(key, "/v1/subscriptions", json.objectNode()
                        .put("customer", customer.id()).put("plan", HarnessCatalog.BASIC).putNull("planVersion")
                        .putNull("externalId").put("startAt", customer.previousPeriodStart(scenario.now()).toString())
                        .put("anchor", "calendar").put("trialDays", 0));
                subscriptions.put(customer.key(), subscription.path("id").asText());
            }
        }
        return subscriptions;
    }

    /**
     * Sends a value-0 event on the zero-priced probe meter per customer until each shows up as a charge: then its
     * subscription, the plan and the meters (created before) have reached rating-streams. Probe times are the
     * start of the previous-period window, so they advance no stream time past any period.
     */
    private void awaitCatalog(HarnessClient client, Map<String, String> keys, RatedChargeWatcher charges) {
        Set<String> all = new TreeSet<>();
        scenario.customers().forEach(c -> all.add(c.key()));
        awaitProbes("catalog reached rating after", "probe-", all, customer ->
                customer.previousPeriodStart(scenario.now()).isAfter(scenario.now().minus(Scenario.OLDEST))
                        ? customer.previousPeriodStart(scenario.now()) : scenario.now().minus(Scenario.OLDEST),
                charge -> true, client, keys, charges);
    }

    /**
     * After the plan changes, probes at the change instant until each changed customer's probe is rated under
     * {@link HarnessCatalog#PRO}: the new phase has then reached rating-streams (through invoice-service's outbox
     * and the subscriptions topic), so usage sent afterwards is priced with the plan the ground truth expects.
     */
    private void awaitPlanChanges(HarnessClient client, Map<String, String> keys, RatedChargeWatcher charges,
                                  Instant changedAt) {
        Set<String> changed = new TreeSet<>();
        scenario.customers().stream().filter(HarnessCustomer::changesPlan).forEach(c -> changed.add(c.key()));
        awaitProbes("plan changes reached rating after", "probe-change-", changed, customer -> changedAt,
                charge -> HarnessCatalog.PRO.equals(charge.getPlan()), client, keys, charges);
    }

    private void awaitProbes(String fact, String idPrefix, Set<String> customers,
                             Function<HarnessCustomer, Instant> time,
                             Predicate<RatedCharge> seen,
                             HarnessClient client, Map<String, String> keys, RatedChargeWatcher charges) {
        long begin = System.nanoTime();
        Set<String> missing = new TreeSet<>(customers);
        EventSender probes = new EventSender(client, keys, 200, 2);
        long deadline = System.nanoTime() + CATALOG_TIMEOUT.toNanos();
        int attempt = 0;
        while (!missing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("catalog not at rating-streams within " + CATALOG_TIMEOUT + " (" + fact
                        + "): " + missing.size() + " customers without a probe charge, e.g. " + missing.iterator().next());
            }
            attempt++;
            List<HarnessEvent> batch = new ArrayList<>();
            for (String customerKey : missing) {
                int slash = customerKey.indexOf('/');
                HarnessCustomer customer = scenario.customer(customerKey.substring(0, slash), customerKey.substring(slash + 1));
                batch.add(new HarnessEvent(customer.tenant(), idPrefix + customer.id() + "-" + attempt, customer.id(),
                        HarnessCatalog.PROBE, time.apply(customer), BigDecimal.ZERO, Phase.PREVIOUS));
            }
            probes.send(batch);
            long resendAt = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!missing.isEmpty() && System.nanoTime() < resendAt) {
                charges.poll(Duration.ofMillis(200));
                for (RatedCharge charge : charges.latest().values()) {
                    if (charge.getMeter().equals(HarnessCatalog.PROBE) && seen.test(charge)) {
                        missing.remove(charge.getTenant() + "/" + charge.getCustomer());
                    }
                }
            }
        }
        facts.put(fact, (System.nanoTime() - begin) / 1_000_000 + " ms, " + attempt + " probe round(s)");
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

    /** Moves the chosen customers to pro, effective now; returns the latest instant a new phase started. */
    private Instant changePlans(HarnessClient client, Map<String, String> keys, Map<String, String> subscriptions) {
        Instant latest = Instant.now();
        int changed = 0;
        for (HarnessCustomer customer : scenario.customers()) {
            if (!customer.changesPlan()) {
                continue;
            }
            JsonNode answer = client.post(keys.get(customer.tenant()),
                    "/v1/subscriptions/" + subscriptions.get(customer.key()) + "/change-plan",
                    JsonNodeFactory.instance.objectNode().put("plan", HarnessCatalog.PRO).putNull("planVersion")
                            .put("effective", "now"));
            JsonNode phases = answer.path("phases");
            Instant from = Instant.parse(phases.get(phases.size() - 1).path("from").asText());
            latest = from.isAfter(latest) ? from : latest;
            changed++;
        }
        facts.put("plan changes", Integer.toString(changed));
        return latest.plusMillis(1);
    }

    private static Check acknowledged(Set<String> acknowledged, List<HarnessEvent> distinct) {
        Set<String> missing = new HashSet<>();
        distinct.forEach(e -> missing.add(e.tenant() + "/" + e.id()));
        missing.removeAll(acknowledged);
        return new Check("acknowledged", missing.isEmpty(), "%d distinct events, %d without a 202".formatted(
                distinct.size(), missing.size()));
    }

    /** Polls rated-charges until its quantities equal the truth, or a deadline passes (the checks then show how far). */
    private void settle(String phase, RatedChargeWatcher charges, GroundTruth truth) {
        long begin = System.nanoTime();
        long deadline = begin + SETTLE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !chargeQuantities(charges.latest()).equals(truth.quantities())) {
            charges.poll(Duration.ofMillis(500));
        }
        boolean settled = chargeQuantities(charges.latest()).equals(truth.quantities());
        facts.put("charges settled (" + phase + ") after", (System.nanoTime() - begin) / 1_000_000 + " ms"
                + (settled ? "" : ", NOT settled at the deadline"));
    }

    private static Map<String, BigDecimal> chargeQuantities(Map<String, RatedCharge> latest) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        latest.values().stream().filter(c -> !c.getMeter().equals(HarnessCatalog.PROBE)).forEach(c -> sums.merge(
                c.getTenant() + "/" + c.getCustomer() + "/" + c.getMeter(), new BigDecimal(c.getQuantity()), BigDecimal::add));
        sums.replaceAll((k, q) -> GroundTruth.canonical(q));
        return sums;
    }

    private static Map<String, Long> eventCounts(Map<String, RatedCharge> latest) {
        Map<String, Long> counts = new TreeMap<>();
        latest.values().stream().filter(c -> !c.getMeter().equals(HarnessCatalog.PROBE)).forEach(c -> counts.merge(
                c.getTenant() + "/" + c.getCustomer() + "/" + c.getMeter(), c.getEventCount(), Long::sum));
        return counts;
    }

    /**
     * Barrier before closing: after its SIGKILL invoice-service may not have consumed every rated charge yet (its
     * group waits for the killed member's session to expire), and a period closed then misses charges.
     */
    private void awaitInvoiceService(LocalStack stack) {
        long begin = System.nanoTime();
        int lagging = ConsumerCaughtUp.await(stack.bootstrapServers(), INVOICE_GROUP, stack.topics().ratedCharges(),
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
                ((com.fasterxml.jackson.databind.node.ObjectNode) i).put("tenant", tenant.getKey());
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
            java.nio.file.Files.createDirectories(settings.dataDir());
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(settings.dataDir().resolve("invoices.json").toFile(), invoices);
        } catch (java.io.IOException e) {
            out.println("  invoices not kept: " + e.getMessage());
        }
    }

    private static boolean isUsage(JsonNode line) {
        String kind = line.path("kind").asText("USAGE");
        return (kind.equals("USAGE") || kind.equals("ADJUSTMENT")) && !line.path("meter").asText("").isEmpty()
                && !line.path("meter").asText().equals(HarnessCatalog.PROBE);
    }

    private static Map<String, BigDecimal> invoicedQuantities(List<JsonNode> invoices) {
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

    private static String invoiceKey(JsonNode invoice) {
        return invoice.path("tenant").asText() + "/" + invoice.path("customer").asText() + "/"
                + Instant.parse(invoice.path("periodStart").asText());
    }

    private static Map<String, Long> invoiceTotals(List<JsonNode> invoices) {
        Map<String, Long> totals = new TreeMap<>();
        invoices.forEach(i -> totals.merge(invoiceKey(i), i.path("totalMinor").asLong(), Long::sum));
        totals.values().removeIf(total -> total == 0L);   // probe-only periods: nothing billed, nothing expected
        return totals;
    }

    private static Map<String, String> fingerprint(List<JsonNode> invoices) {
        Map<String, String> prints = new TreeMap<>();
        for (JsonNode invoice : invoices) {
            List<String> lines = new ArrayList<>();
            invoice.path("lines").forEach(l -> lines.add(l.path("kind").asText() + ":" + l.path("meter").asText("")
                    + ":" + l.path("quantity").asText("") + ":" + l.path("amountMinor").asLong()));
            lines.sort(null);
            prints.merge(invoiceKey(invoice), invoice.path("totalMinor").asLong() + " " + lines, (a, b) -> a + " | " + b);
        }
        return prints;
    }
}
