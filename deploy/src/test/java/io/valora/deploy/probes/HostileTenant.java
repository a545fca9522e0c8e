package io.valora.deploy.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.deploy.LocalStack;
import io.valora.deploy.demo.CatalogReadiness;
import io.valora.deploy.demo.RatedChargeWatcher;
import io.valora.deploy.demo.ValoraClient;
import io.valora.schemas.RatedCharge;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tenant A of the blast-radius probe: everything one tenant can throw at Valora through its own key, plus one
 * well-formed charge in a foreign currency written straight to {@code rated-charges}, which makes A's period
 * impossible to close. Each step asserts the answer A itself gets: a 4xx problem naming what was wrong, or a 202
 * whose event rating then rejects with a reason (checked by {@link BlastRadius} on the topic).
 *
 * <p>A's plan prices its meter at the largest unit price the limits allow (10<sup>9</sup>), so a single event of
 * the largest quantity (10<sup>18</sup>) would make a charge of 10<sup>29</sup> minor units, beyond what a charge
 * can carry: the {@code amount-overflow} case.
 */
final class HostileTenant {

    static final String METER = "api_call";
    static final String PLAN = "at-the-limit";
    /** The largest unit price BillingLimits admits. */
    static final String UNIT_PRICE = "1000000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final ProbeHttp http = new ProbeHttp();
    private final String tenant;
    private final String key;
    private final String run;
    private final String customer;
    private String subscription;

    HostileTenant(LocalStack stack, String tenant, String key, String run) {
        this.stack = stack;
        this.tenant = tenant;
        this.key = key;
        this.run = run;
        this.customer = "a-cust-" + run;
    }

    String tenant() {
        return tenant;
    }

    String key() {
        return key;
    }

    String customer() {
        return customer;
    }

    String subscription() {
        return subscription;
    }

    /** Id of the event whose charge would overflow. */
    String overflowAmountId() {
        return "ovf-amount-" + run;
    }

    /** Id of the event whose quantity is beyond the largest one. */
    String overflowQuantityId() {
        return "ovf-quantity-" + run;
    }

    /** Meter, plan at the limit, customer, and a subscription from {@code subscriptionStart}, over REST. */
    void createCatalog(Instant subscriptionStart) {
        ok(post("/v1/meters", """
                {"key":"%s","name":"%s","eventType":"%s","aggregation":"sum","valueProperty":"value","groupBy":[]}"""
                .formatted(METER, METER, METER)));
        ok(post("/v1/plans", plan("At the limit", UNIT_PRICE, "Platform fee")));
        ok(post("/v1/customers", """
                {"externalId":"%s","name":"A's customer","timeZone":"UTC","currency":"USD"}""".formatted(customer)));
        subscription = ok(post("/v1/subscriptions", """
                {"customer":"%s","plan":"%s","planVersion":null,"externalId":null,"startAt":"%s","anchor":"calendar",
                 "trialDays":0}""".formatted(customer, PLAN, subscriptionStart))).path("id").asText();
    }

    /**
     * Plans beyond the documented limits: each is a 422 problem naming the field (a body beyond the cap a 413), and
     * none of them is created.
     */
    void sendHugePlans() {
        refusedNaming(post("/v1/plans", plan("P".repeat(201), "1", "fee")), "name");
        refusedNaming(post("/v1/plans", plan("Too dear", "1000000001", "fee")), "usageCharges[0].model.unitPrice");
        refusedNaming(post("/v1/plans", plan("Too precise", "0.0000000000001", "fee")),
                "usageCharges[0].model.unitPrice");
        refusedNaming(post("/v1/plans", plan("Long fee", "1", "d".repeat(2001))), "flatFees[0].description");
        HttpResponse<String> tooBig = post("/v1/plans", plan("B".repeat(600_000), "1", "fee"));
        assertThat(tooBig.statusCode()).as("a 600 KB plan body").isEqualTo(413);
        HttpResponse<String> plans = http.call("GET", stack.invoiceServiceUrl() + "/v1/plans", key, null,
                "application/json");
        assertThat(plans.body()).as("A's plans after the refusals").doesNotContain("Too dear", "Long fee", "PPPPP");
    }

    /** Waits until A's catalog has reached rating (a zero-valued probe is charged). */
    void awaitRated(Instant eventTime, PrintStream out) {
        ValoraClient client = new ValoraClient(stack.ingestGatewayUrl(), stack.ratingStreamsUrl(),
                stack.invoiceServiceUrl(), key);
        try (RatedChargeWatcher charges = new RatedChargeWatcher(stack.bootstrapServers(),
                stack.topics().ratedCharges())) {
            CatalogReadiness.await(client, charges, List.of(customer), List.of(METER), eventTime,
                    Duration.ofSeconds(90), out);
        }
    }

    /**
     * Overflowing usage: a quantity at the limit whose charge would overflow and one beyond the limit are accepted
     * by the gateway (it cannot know which property a meter reads) and rejected by rating with their reasons; a
     * number beyond any double and a card number are refused by the gateway itself.
     */
    void sendOverflowingUsage(Instant time) {
        assertThat(event(overflowAmountId(), time, "1000000000000000000").statusCode()).as("1e18 units").isEqualTo(202);
        assertThat(event(overflowQuantityId(), time, "10000000000000000000").statusCode()).as("1e19 units")
                .isEqualTo(202);
        HttpResponse<String> infinite = event("ovf-double-" + run, time, "1e400");
        assertThat(infinite.statusCode()).as("1e400: " + infinite.body()).isEqualTo(400);
        assertThat(infinite.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(infinite.body()).contains("finite");
        HttpResponse<String> card = event("ovf-card-" + run, time, "4111111111111111.0");
        assertThat(card.statusCode()).as("a card number written as a float: " + card.body()).isEqualTo(422);
    }

    /**
     * A charge for A's {@code period} in EUR while A's plan prices in USD, written straight to {@code rated-charges}
     * as a faulty rating build or a compromised producer could: no API accepts a foreign currency (subscriptions
     * and plan changes refuse {@code currency-mismatch}), so this is the closest honest way to make a close fail.
     */
    void writeForeignCurrencyCharge(TopicWriter writer, Instant periodStart, Instant periodEnd) {
        writer.charge(stack.topics().ratedCharges(), RatedCharge.newBuilder()
                .setTenant(tenant).setSubscription(subscription).setCustomer(customer).setMeter(METER)
                .setPeriodStart(periodStart).setPeriodEnd(periodEnd)
                .setQuantity("1").setUnitPrice("0.01").setAmountMinor(1).setCurrency("EUR")
                .setEventCount(1).setSequence(1).setFinal$(true).setPlan(PLAN).setPlanVersion(1).build());
    }

    /** A's own answer to closing that period by hand: a 409 problem {@code mixed-currencies} naming the currency. */
    void closeRefused(Instant periodStart) {
        HttpResponse<String> close = post("/v1/invoices/close", "{\"periodStart\":\"" + periodStart + "\"}");
        assertThat(close.statusCode()).as("A's close: " + close.body()).isEqualTo(409);
        assertThat(read(close).path("type").asText()).endsWith("mixed-currencies");
        assertThat(close.body()).contains("EUR", customer);
    }

    /** A's list of close failures, as A sees it. */
    JsonNode closeFailures() {
        return ok(http.call("GET", stack.invoiceServiceUrl() + "/v1/invoices/close-failures", key, null,
                "application/json")).path("items");
    }

    private HttpResponse<String> event(String id, Instant time, String value) {
        return http.call("POST", stack.ingestGatewayUrl() + "/v1/events", key, """
                {"specversion":"1.0","id":"%s","source":"blast","type":"%s","subject":"%s","time":"%s","data":{"value":%s}}"""
                .formatted(id, METER, customer, time, value), "application/json");
    }

    private static String plan(String name, String unitPrice, String feeDescription) {
        return """
                {"key":"%s","name":"%s","currency":"USD","rounding":"HALF_UP","cadence":"MONTHLY",
                 "flatFees":[{"code":"platform","description":"%s","amount":"1.00"}],
                 "usageCharges":[{"meter":"%s","model":{"kind":"per_unit","unitPrice":"%s"}}],"minimumSpend":null}"""
                .formatted(name.equals("At the limit") ? PLAN : "x-" + Integer.toHexString(name.hashCode()), name,
                        feeDescription, METER, unitPrice);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.call("POST", stack.invoiceServiceUrl() + path, key, body, "application/json");
    }

    private static void refusedNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(field + ": " + abbreviate(response.body())).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(read(response).path("errors").findValuesAsText("field")).as(abbreviate(response.body()))
                .contains(field);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + ": " + abbreviate(response.body()))
                .isBetween(200, 299);
        return read(response);
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(response.body()), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }
}
