package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.deploy.demo.CatalogReadiness;
import io.valora.deploy.demo.CatalogSetup;
import io.valora.deploy.demo.DemoPlan;
import io.valora.deploy.demo.InvoiceAwaiter;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.deploy.demo.SampleWorkload;
import io.valora.deploy.demo.ValoraClient;
import io.valora.deploy.demo.WorkloadSender;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The foundation's promise, end to end on real processes: a real KRaft broker, a real PostgreSQL
 * and the three packaged services. The catalog (meters, a plan with a flat fee, per-unit and
 * graduated prices, customers, subscriptions) is created over REST, events go in over HTTP, and one
 * invoice per subscription comes out whose total equals the workload's independently computed
 * ground truth to the cent; re-posting the same event ids changes nothing.
 */
class EndToEndIT {

    private static final String KEY = "valora-dev-key";

    @Test
    void eventsBecomeInvoicesToTheCentAndARepostChangesNothing() {
        Path dataDir = TestDirs.fresh("end-to-end");
        PrintStream out = System.out;
        LocalStackSettings settings = LocalStackSettings.builder(TestDirs.repoRoot())
                .dataDir(dataDir)
                .ports(LocalStackSettings.Ports.free())
                .progress(line -> out.println("[e2e] " + line))
                .build();
        try (LocalStack stack = LocalStack.start(settings)) {
            ValoraClient client = new ValoraClient(stack.ingestGatewayUrl(), stack.ratingStreamsUrl(),
                    stack.invoiceServiceUrl(), KEY);
            Instant now = Instant.now();
            Instant periodStart = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            SampleWorkload workload = SampleWorkload.generate(7, 4, 30, periodStart, now);
            Map<String, String> subscriptions = CatalogSetup.create(client, workload.customers(), periodStart, out);
            try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.bootstrapServers(),
                    stack.topics().ratedCharges())) {
                CatalogReadiness.await(client, charges, workload.customers(), SampleWorkload.METERS, periodStart,
                        Duration.ofMinutes(1), out);
            }

            assertThat(WorkloadSender.send(client, workload.events(), 4, out)).isEqualTo(120);
            JsonNode first = InvoiceAwaiter.closeWhenComplete(client, periodStart, workload, Duration.ofMinutes(2), out);

            assertThat(first).hasSize(4);
            assertThat(totalsByCustomer(first)).isEqualTo(workload.expectedTotalsMinor());
            for (JsonNode invoice : first) {
                assertThat(invoice.path("subscription").asText())
                        .isEqualTo(subscriptions.get(invoice.path("customer").asText()));
                assertThat(invoice.path("lines")).filteredOn(l -> l.path("kind").asText().equals("FLAT_FEE"))
                        .extracting(l -> l.path("amountMinor").asLong()).containsExactly(DemoPlan.flatFeesMinor());
                long lines = 0;
                for (JsonNode line : invoice.path("lines")) {
                    lines += line.path("amountMinor").asLong();
                }
                assertThat(invoice.path("totalMinor").asLong()).as("total = sum of lines").isEqualTo(lines);
                assertThat(new BigDecimal(invoice.path("total").asText()).movePointRight(2).longValueExact())
                        .isEqualTo(invoice.path("totalMinor").asLong());
                assertThat(client.invoice(invoice.path("id").asText())).isEqualTo(invoice);
            }
            assertThat(client.invoicesOf("customer-001")).hasSize(1);

            // A client retries every event: all accepted again, all dropped as duplicates downstream.
            long duplicatesBefore = client.duplicatesDropped();
            assertThat(WorkloadSender.send(client, workload.events(), 4, out)).isEqualTo(120);
            awaitDuplicates(client, duplicatesBefore + workload.events().size());

            JsonNode again = client.closePeriod(periodStart);
            assertThat(again).isEqualTo(first);
        }
        assertThat(TestDirs.liveChildren()).as("processes left behind").isEmpty();
    }

    private static void awaitDuplicates(ValoraClient client, long expected) {
        await("duplicates dropped by rating-streams").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(client::duplicatesDropped, seen -> seen >= expected);
        assertThat(client.duplicatesDropped()).as("no more duplicates than were sent").isEqualTo(expected);
    }

    private static Map<String, Long> totalsByCustomer(JsonNode invoices) {
        Map<String, Long> totals = new TreeMap<>();
        invoices.forEach(i -> totals.put(i.path("customer").asText(), i.path("totalMinor").asLong()));
        return totals;
    }
}
