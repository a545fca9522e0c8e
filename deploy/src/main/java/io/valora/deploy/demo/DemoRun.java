package io.valora.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.deploy.LocalStack;
import io.valora.deploy.LocalStackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Valora's main job on one machine, as {@code ./valora run} runs it: start a real broker,
 * PostgreSQL and the three services, create the catalog over REST (meters, a plan, the customers
 * and a subscription each), wait until rating-streams knows it, send a sample workload through the
 * gateway, close the current billing period and print the invoices (one per subscription), checked
 * against the workload's own ground truth. Everything started is stopped at the end, on failure,
 * and on Ctrl-C.
 *
 * <p>Options: {@code --customers N} (20), {@code --events-per-customer N} (150), {@code --keep}
 * (leave the stack running until Ctrl-C), {@code --secure} (the secured stack, {@link LocalStack#startSecure}:
 * three brokers with SASL_SSL/SCRAM and ACLs, each service its own user; the run reads {@code rated-charges} as
 * the cluster's super user). Ports and folders as in {@link LocalStackSettings}.
 */
public final class DemoRun {

    /** The services' default development key (see their application.properties). */
    static final String DEV_KEY = "valora-dev-key";

    private DemoRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        int customers = intOption(options, "--customers", 20);
        int eventsPerCustomer = intOption(options, "--events-per-customer", 150);
        boolean secure = options.contains("--secure");
        PrintStream out = System.out;
        Path repoRoot = Path.of(System.getProperty("valora.repo.root",
                LocalStackSettings.findRepoRoot(Path.of("")).toString()));
        LocalStackSettings settings = LocalStackSettings.builder(repoRoot).fromSystemProperties()
                .progress(line -> out.println("  " + line)).build();

        // The sample run checks its invoices against its own workload, so it starts from empty data.
        try {
            DataReset.wipe(settings, out);
        } catch (RuntimeException e) {
            System.err.println("Valora run failed: " + e.getMessage());
            System.exit(1);
        }
        out.println("Starting Kafka" + (secure ? " (three brokers, SASL_SSL, SCRAM-SHA-512, ACLs)" : "")
                + ", PostgreSQL and the three services (data in " + settings.dataDir() + ") ...");
        boolean ok = false;
        try (LocalStack stack = LocalStack.start(settings, secure)) {
            ValoraClient client = new ValoraClient(stack.ingestGatewayUrl(), stack.ratingStreamsUrl(),
                    stack.invoiceServiceUrl(), DEV_KEY);
            Instant now = Instant.now();
            Instant periodStart = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate()
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            SampleWorkload workload = SampleWorkload.generate(now.toEpochMilli(), customers, eventsPerCustomer,
                    periodStart, now);

            out.println("Creating the catalog (meters, plan, customers, subscriptions) at " + stack.invoiceServiceUrl()
                    + " ...");
            CatalogSetup.create(client, workload.customers(), periodStart, out);
            try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.adminClientProperties(),
                    stack.topics().ratedCharges())) {
                CatalogReadiness.await(client, charges, workload.customers(), SampleWorkload.METERS, periodStart,
                        Duration.ofMinutes(2), out);
            }

            out.printf("Sending %d usage events for %d customers to %s ...%n", workload.events().size(), customers,
                    stack.ingestGatewayUrl());
            WorkloadSender.send(client, workload.events(), 8, out);

            out.println("Closing the billing period starting " + periodStart + " once every event is rated ...");
            JsonNode invoices = InvoiceAwaiter.closeWhenComplete(client, periodStart, workload, Duration.ofMinutes(3), out);
            out.println();
            Map<String, Long> expected = workload.expectedTotalsMinor();
            InvoiceTable.print(out, invoices, expected);
            ok = InvoiceAwaiter.totalsMatch(invoices, expected);
            out.println(ok ? "Every invoice total matches the workload to the cent." : "MISMATCH: see the rows marked EXPECTED.");
            out.println();
            out.println("Processes:");
            stack.components().forEach(c -> out.println("  " + c.summary()));
            if (options.contains("--keep")) {
                out.println("Stack left running (gateway " + stack.ingestGatewayUrl() + ", invoices "
                        + stack.invoiceServiceUrl() + "); Ctrl-C stops everything.");
                Thread.currentThread().join();
            }
        } catch (RuntimeException e) {
            System.err.println("Valora run failed: " + e.getMessage());
            System.err.println("Logs: " + settings.dataDir().resolve("logs"));
        }
        out.println("Stopped everything that was started.");
        System.exit(ok ? 0 : 1);
    }

    private static int intOption(List<String> options, String name, int fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : fallback;
    }
}
