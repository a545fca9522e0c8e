package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a scenario's catalog through invoice-service's REST API as a tenant would (meters, the two plans, a
 * customer and a calendar subscription on basic per customer), and later moves the chosen customers to pro. Only
 * public endpoints: the harness must see what a client sees.
 */
final class CatalogWriter {

    private final Scenario scenario;
    private final HarnessClient client;
    private final Map<String, String> keys;

    /** @param keys API key per tenant */
    CatalogWriter(Scenario scenario, HarnessClient client, Map<String, String> keys) {
        this.scenario = scenario;
        this.client = client;
        this.keys = Map.copyOf(keys);
    }

    /** Creates every tenant's catalog; returns the subscription id per {@code tenant/customer}. */
    Map<String, String> create() {
        Map<String, String> subscriptions = new TreeMap<>();
        var json = JsonNodeFactory.instance;
        for (var tenant : keys.entrySet()) {
            String key = tenant.getValue();
            HarnessCatalog.meterBodies().forEach(meter -> client.post(key, "/v1/meters", meter));
            client.post(key, "/v1/plans", HarnessCatalog.planBody(HarnessCatalog.BASIC));
            client.post(key, "/v1/plans", HarnessCatalog.planBody(HarnessCatalog.PRO));
            for (HarnessCustomer customer : scenario.customers()) {
                if (!customer.tenant().equals(tenant.getKey())) {
                    continue;
                }
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
     * Moves the chosen customers to pro, effective now; returns just after the latest instant a new phase started
     * (usage from then on is pro's) and how many changed.
     */
    PlanChanges changePlans(Map<String, String> subscriptions) {
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
        return new PlanChanges(latest.plusMillis(1), changed);
    }

    /** @param effectiveAfter usage at or after this instant is under the new plan for every changed customer */
    record PlanChanges(Instant effectiveAfter, int count) {
    }
}
