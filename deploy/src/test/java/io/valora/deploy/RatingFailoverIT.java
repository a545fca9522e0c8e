package io.valora.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.deploy.demo.DemoPlan;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.deploy.demo.SampleWorkload;
import io.valora.deploy.demo.UsageSample;
import io.valora.deploy.demo.ValoraClient;
import io.valora.deploy.demo.WorkloadSender;
import io.valora.schemas.RatedCharge;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once rating through a crash, on real processes: two rating-streams instances (one application id)
 * on the real broker; one is killed with SIGKILL while the stream runs and started again on its old state
 * folder. Afterwards the last charge per key on {@code rated-charges} adds up, per customer and meter, to exactly
 * the workload's quantity and to the amount {@link DemoPlan} computes on its own: nothing lost, nothing counted
 * twice.
 */
class RatingFailoverIT {

    private static final String KEY = "valora-dev-key";
    private static final String SECOND = LocalStackSettings.ratingInstanceName(2);

    @Test
    void aKilledInstanceLosesAndDoublesNothing() throws Exception {
        Path dataDir = TestDirs.fresh("rating-failover");
        PrintStream out = System.out;
        LocalStackSettings settings = LocalStackSettings.builder(TestDirs.repoRoot())
                .dataDir(dataDir)
                .ports(LocalStackSettings.Ports.free())
                .topicPartitions(4)
                .withServices(false)
                .ratingInstances(2)
                // the killed member leaves the group after 6 s instead of 45 s, so the survivor takes over sooner
                .ratingProperties(Map.of("kafka-streams.session.timeout.ms", "6000"))
                .progress(line -> out.println("[failover] " + line))
                .build();
        Instant now = Instant.now();
        Instant periodStart = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        SampleWorkload workload = SampleWorkload.generate(11, 10, 300, periodStart, now);
        List<UsageSample> events = workload.events();
        int third = events.size() / 3;

        try (LocalStack stack = LocalStack.start(settings)) {
            CatalogRecords.write(stack.bootstrapServers(), stack.topics(), workload.customers(), periodStart);
            stack.startServices();
            ValoraClient client = new ValoraClient(stack.ingestGatewayUrl(), stack.ratingStreamsUrl(),
                    stack.invoiceServiceUrl(), KEY);

            WorkloadSender.send(client, events.subList(0, third), 8, out);
            stack.killService(SECOND);
            CompletableFuture<Integer> whileDown = CompletableFuture.supplyAsync(
                    () -> WorkloadSender.send(client, events.subList(third, 2 * third), 8, out));
            stack.restartService(SECOND);
            assertThat(whileDown.get()).isEqualTo(third);
            WorkloadSender.send(client, events.subList(2 * third, events.size()), 8, out);

            Map<String, BigDecimal> expectedQuantities = new TreeMap<>();
            workload.expectedQuantities().forEach((pair, q) -> expectedQuantities.put(pair, q.stripTrailingZeros()));
            Map<String, Long> expectedAmounts = new TreeMap<>();
            expectedQuantities.forEach((pair, q) -> expectedAmounts.put(pair,
                    DemoPlan.usageMinor(pair.substring(pair.indexOf('/') + 1), q)));

            try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.bootstrapServers(),
                    stack.topics().ratedCharges())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!quantities(charges.latest()).equals(expectedQuantities) && System.nanoTime() < deadline) {
                    charges.poll(Duration.ofMillis(500));
                }
                Map<String, RatedCharge> latest = charges.latest();
                assertThat(quantities(latest)).as("quantity per customer/meter").isEqualTo(expectedQuantities);
                assertThat(amounts(latest)).as("amount per customer/meter, cents").isEqualTo(expectedAmounts);
                assertThat(latest.values().stream().mapToLong(RatedCharge::getEventCount).sum())
                        .as("events counted").isEqualTo(events.size());
                assertThat(latest.values()).allSatisfy(c -> {
                    assertThat(c.getSubscription()).isEqualTo(CatalogRecords.subscriptionOf(c.getCustomer()));
                    assertThat(c.getPeriodStart()).isEqualTo(periodStart);
                });
            }
            assertThat(stack.service(SECOND).orElseThrow().isAlive()).isTrue();
        }
        assertThat(TestDirs.liveChildren()).as("processes left behind").isEmpty();
    }

    /** Quantity per customer/meter over the latest charge of every key (period charges and adjustments). */
    private static Map<String, BigDecimal> quantities(Map<String, RatedCharge> latest) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        latest.values().forEach(c -> sums.merge(c.getCustomer() + "/" + c.getMeter(), new BigDecimal(c.getQuantity()),
                BigDecimal::add));
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return sums;
    }

    private static Map<String, Long> amounts(Map<String, RatedCharge> latest) {
        Map<String, Long> sums = new TreeMap<>();
        latest.values().forEach(c -> sums.merge(c.getCustomer() + "/" + c.getMeter(), c.getAmountMinor(), Long::sum));
        return sums;
    }
}
