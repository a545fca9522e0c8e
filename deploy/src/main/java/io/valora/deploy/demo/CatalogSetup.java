package io.valora.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates what rating needs before any usage can be priced, through invoice-service's catalog REST API as an
 * adopting application would: the demo's meters and plan ({@link DemoPlan}), the customers (UTC, USD) and one
 * subscription per customer on the plan, starting at {@code periodStart} with calendar periods (so the period
 * being closed is a whole month and the platform fee is not prorated).
 */
public final class CatalogSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogSetup() {
    }

    /** Creates the catalog; returns the subscription id per customer. */
    public static Map<String, String> create(ValoraClient client, List<String> customers, Instant periodStart,
            PrintStream progress) {
        for (ObjectNode meter : DemoPlan.meterBodies()) {
            client.postCatalog("/v1/meters", meter);
        }
        JsonNode plan = client.postCatalog("/v1/plans", DemoPlan.planBody());
        progress.printf("  plan %s version %s, meters %s%n", plan.path("key").asText(), plan.path("version").asText(),
                DemoPlan.METERS);
        Map<String, String> subscriptions = new TreeMap<>();
        for (String customer : customers) {
            client.postCatalog("/v1/customers", JSON.createObjectNode().put("externalId", customer)
                    .put("name", "Customer " + customer).put("timeZone", "UTC").put("currency", DemoPlan.CURRENCY));
            JsonNode subscription = client.postCatalog("/v1/subscriptions", JSON.createObjectNode()
                    .put("customer", customer).put("plan", DemoPlan.KEY).putNull("planVersion").putNull("externalId")
                    .put("startAt", periodStart.toString()).put("anchor", "calendar").put("trialDays", 0));
            subscriptions.put(customer, subscription.path("id").asText());
        }
        progress.printf("  %d customers, each with a subscription to %s from %s%n", customers.size(), DemoPlan.KEY,
                periodStart);
        return subscriptions;
    }
}
