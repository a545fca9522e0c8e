package io.valora.deploy.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.deploy.LocalStack;
import io.valora.deploy.demo.CatalogReadiness;
import io.valora.deploy.demo.CatalogSetup;
import io.valora.deploy.demo.DemoPlan;
import io.valora.deploy.demo.InvoiceAwaiter;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.deploy.demo.SampleWorkload;
import io.valora.deploy.demo.ValoraClient;
import io.valora.deploy.demo.WorkloadSender;
import io.valora.schemas.DeadLetterHeaders;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/**
 * Issue 17's proof on the real stack: tenant A does everything one tenant (or one bad record) can do to Valora
 * while tenant B's ordinary workload runs, and B's invoices still equal B's ground truth to the cent.
 *
 * <p>A, concurrently with B's traffic: plans beyond the limits (422 naming the field, 413 beyond the body cap),
 * usage whose charge would overflow and usage beyond the largest quantity (202, then rejected by rating with
 * {@code amount-overflow} / {@code value-invalid} on {@code usage-events.rejected}), a non-finite number and a
 * card written as a float (400 / 422 at the gateway); garbage bytes written straight to {@code usage-events},
 * {@code plans} and {@code api-keys} before B's traffic and to {@code rated-charges} during it, with a plain
 * producer (dead letters with their {@code valora.dlq.*} headers, or counted as skipped); and a charge in a foreign
 * currency on
 * {@code rated-charges}, so A's ended period cannot be closed (the scheduler records it, A's own close is a 409).
 *
 * <p>B: three customers on the demo plan from the previous month, 90 events this month (ground truth:
 * {@link DemoPlan}'s own BigDecimal arithmetic, not billing-core). B's previous month is closed by the scheduler
 * in the same ticks that fail A's, and must carry exactly the flat fee. At the end every service is ready and
 * still the process it was (nothing crashed or restarted), and the readiness answers name what they absorbed.
 */
final class BlastRadius {

    private static final Duration SLOW = Duration.ofMinutes(2);

    private final LocalStack stack;
    private final ProbeHttp http = new ProbeHttp();
    private final PrintStream out = System.out;

    BlastRadius(LocalStack stack) {
        this.stack = stack;
    }

    void prove(HostileTenant a, String keyB, String run) throws Exception {
        Map<String, Long> pids = pids();
        Instant now = Instant.now();
        ZonedDateTime month = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC);
        Instant currentStart = month.toInstant();
        Instant previousStart = month.minusMonths(1).toInstant();
        ValoraClient b = new ValoraClient(stack.ingestGatewayUrl(), stack.ratingStreamsUrl(), stack.invoiceServiceUrl(),
                keyB);
        SampleWorkload workload = SampleWorkload.generate(17, 3, 30, currentStart, now);
        Map<String, String> subscriptionsOfB = CatalogSetup.create(b, workload.customers(), previousStart, out);
        a.createCatalog(previousStart);

        // Garbage first: B's traffic must be rated after rating has met these bad records (rated-charges gets its
        // garbage while B's traffic flows).
        String marker = "blast-" + run;
        try (TopicWriter writer = new TopicWriter(stack.bootstrapServers())) {
            writer.garbage(stack.topics().usageEvents(), a.tenant() + "/" + a.customer(), marker);
            writer.garbage(stack.topics().plans(), a.tenant() + "/junk/1", marker);
            writer.garbage(stack.topics().apiKeys(), "junk-" + run, marker);
        }
        try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.bootstrapServers(),
                stack.topics().ratedCharges())) {
            CatalogReadiness.await(b, charges, workload.customers(), SampleWorkload.METERS, currentStart, SLOW, out);
        }

        long started = System.nanoTime();
        CompletableFuture<Void> hostile = CompletableFuture.runAsync(() -> {
            a.sendHugePlans();
            a.awaitRated(currentStart, out);
            a.sendOverflowingUsage(now);
            try (TopicWriter writer = new TopicWriter(stack.bootstrapServers())) {
                // only now: the rated-charges readers of this probe (catalog readiness) decode every record
                writer.garbage(stack.topics().ratedCharges(), a.tenant() + "/junk", marker);
                a.writeForeignCurrencyCharge(writer, previousStart, currentStart);
            }
        });
        assertThat(WorkloadSender.send(b, workload.events(), 2, out)).isEqualTo(workload.events().size());
        hostile.get();
        out.printf("[blast] B's %d events and A's hostile traffic sent in %d ms%n", workload.events().size(),
                (System.nanoTime() - started) / 1_000_000);

        // B: this month's invoices equal the ground truth to the cent.
        JsonNode current = InvoiceAwaiter.closeWhenComplete(b, currentStart, workload, SLOW, out);
        assertThat(totalsMinor(current)).as("B's invoices of this month, in cents")
                .isEqualTo(workload.expectedTotalsMinor());
        // B: last month's invoices, written by the scheduler while A's period fails, carry exactly the flat fee.
        for (String customer : workload.customers()) {
            JsonNode previous = await("B's previous-month invoice of " + customer, () -> invoiceOf(b, customer,
                    previousStart));
            assertThat(previous.path("subscription").asText()).isEqualTo(subscriptionsOfB.get(customer));
            assertThat(previous.path("totalMinor").asLong()).as(customer + " previous month")
                    .isEqualTo(DemoPlan.flatFeesMinor());
        }

        // A: rejections with reasons on usage-events.rejected.
        Map<String, String> reasons = new TreeMap<>();
        for (String id : List.of(a.overflowAmountId(), a.overflowQuantityId())) {
            reasons.put(id, TopicRecords.await(stack.bootstrapServers(), stack.topics().usageEventsRejected(),
                    e -> e.valueText().contains(id), 1, SLOW).get(0).header("valora-reject-code"));
        }
        assertThat(reasons).containsOnly(Map.entry(a.overflowAmountId(), "amount-overflow"),
                Map.entry(a.overflowQuantityId(), "value-invalid"));

        // Garbage: one dead letter per consuming service and topic, with where it came from and why.
        Map<String, String> serviceBySource = new TreeMap<>();
        for (String source : List.of(stack.topics().usageEvents(), stack.topics().plans(),
                stack.topics().ratedCharges())) {
            TopicRecords.Entry letter = TopicRecords.await(stack.bootstrapServers(), stack.topics().deadLetters(),
                    e -> e.valueText().contains(marker) && e.header(DeadLetterHeaders.SOURCE_TOPIC).equals(source), 1,
                    SLOW).get(0);
            serviceBySource.put(source, letter.header(DeadLetterHeaders.SERVICE));
            assertThat(letter.header(DeadLetterHeaders.EXCEPTION_CLASS)).as(letter.toString()).isNotBlank();
            assertThat(letter.header(DeadLetterHeaders.SOURCE_OFFSET)).as(letter.toString()).matches("\\d+");
        }
        assertThat(serviceBySource).containsExactly(
                Map.entry(stack.topics().plans(), "rating-streams"),
                Map.entry(stack.topics().ratedCharges(), "invoice-service"),
                Map.entry(stack.topics().usageEvents(), "rating-streams"));

        // A: its ended period cannot close; the scheduler lists it to A (only), A's own close is a 409.
        JsonNode failure = await("A's close failure", () -> {
            for (JsonNode item : a.closeFailures()) {
                if (item.path("subscription").asText().equals(a.subscription())) {
                    return item;
                }
            }
            return null;
        });
        assertThat(failure.path("periodStart").asText()).isEqualTo(previousStart.toString());
        assertThat(failure.path("attempts").asInt()).isPositive();
        assertThat(failure.path("error").asText()).contains("EUR");
        a.closeRefused(previousStart);
        assertThat(http.call("GET", stack.invoiceServiceUrl() + "/v1/invoices/close-failures", keyB, null,
                "application/json").body()).as("B's close failures").contains("\"items\":[]");

        assertHealthy(pids);
    }

    /** Every service ready, the same process as at the start, and its readiness naming what it absorbed. */
    private void assertHealthy(Map<String, Long> pidsBefore) {
        assertThat(pids()).as("service processes (a restart or crash changes them)").isEqualTo(pidsBefore);
        ServiceHealth.Readiness rating = ServiceHealth.readiness(stack.ratingStreamsUrl());
        ServiceHealth.Readiness invoice = ServiceHealth.readiness(stack.invoiceServiceUrl());
        ServiceHealth.Readiness gateway = ServiceHealth.readiness(stack.ingestGatewayUrl());
        out.println("[blast] readiness rating-streams " + rating.body());
        out.println("[blast] readiness invoice-service " + invoice.body());
        out.println("[blast] readiness ingest-gateway " + gateway.body());
        for (ServiceHealth.Readiness r : List.of(rating, invoice, gateway)) {
            assertThat(r.httpStatus()).as(r.body().toString()).isEqualTo(200);
            assertThat(r.status()).isEqualTo("UP");
        }
        assertThat(rating.check("kafka-streams-state").path("data").path("state").asText()).isEqualTo("RUNNING");
        assertThat(rating.check("api-keys").path("data").path("skippedRecords").asLong()).isPositive();
        assertThat(gateway.check("api-keys").path("data").path("skippedRecords").asLong()).isPositive();
        JsonNode consumer = invoice.check("rated-charge-consumer");
        assertThat(consumer.path("status").asText()).isEqualTo("UP");
        assertThat(consumer.path("data").path("deadLettered").asLong()).isPositive();
        assertThat(consumer.path("data").path("running").asBoolean()).isTrue();
        JsonNode outbox = invoice.check("outbox");
        assertThat(outbox.path("status").asText()).isEqualTo("UP");
        assertThat(outbox.path("data").path("parkedRows").asLong()).isZero();

        BigDecimal overflows = ServiceHealth.metric(stack.ratingStreamsUrl(), "valora_rating_rejected_total",
                "reason=\"amount-overflow\"");
        BigDecimal ratingLetters = ServiceHealth.metric(stack.ratingStreamsUrl(), "valora_rating_dead_letters_total",
                "");
        BigDecimal closeFailures = ServiceHealth.metric(stack.invoiceServiceUrl(), "valora_invoice_close_failures", "");
        out.printf("[blast] metrics: rating amount-overflow rejections %s, rating dead letters %s,"
                + " invoice close failures %s%n", overflows, ratingLetters, closeFailures);
        assertThat(overflows).isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(ratingLetters).isGreaterThanOrEqualTo(BigDecimal.valueOf(2));
        assertThat(closeFailures).isGreaterThanOrEqualTo(BigDecimal.ONE);
    }

    private Map<String, Long> pids() {
        Map<String, Long> pids = new TreeMap<>();
        for (String name : List.of(LocalStack.INGEST_GATEWAY, LocalStack.RATING_STREAMS, LocalStack.INVOICE_SERVICE)) {
            long pid = stack.service(name).orElseThrow().pid();
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as(name + " alive").isPresent();
            pids.put(name, pid);
        }
        return pids;
    }

    private static JsonNode invoiceOf(ValoraClient client, String customer, Instant periodStart) {
        for (JsonNode invoice : client.invoicesOf(customer)) {
            if (invoice.path("periodStart").asText().equals(periodStart.toString())) {
                return client.invoice(invoice.path("id").asText());
            }
        }
        return null;
    }

    private static Map<String, Long> totalsMinor(JsonNode invoices) {
        Map<String, Long> totals = new TreeMap<>();
        invoices.forEach(i -> totals.put(i.path("customer").asText(), i.path("totalMinor").asLong()));
        return totals;
    }

    private static JsonNode await(String what, java.util.concurrent.Callable<JsonNode> found) {
        return Awaitility.await(what).atMost(SLOW).pollInterval(Duration.ofMillis(500)).until(found,
                java.util.Objects::nonNull);
    }
}
