package io.valora.invoice;

import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.valora.invoice.support.Catalog;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.schemas.RatedCharge;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices of catalog subscriptions, end to end through the real broker and PostgreSQL: RatedCharge v2
 * (groups, plan phases, adjustments; redelivered and out of order), flat fees prorated across an
 * upgrade, minimum top-up, the scheduler closing an ended period without usage, closing twice, and
 * another tenant's subscription id.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class SubscriptionInvoicesTest {

    private static final String NOV = "2026-11-01T00:00:00Z";
    private static final Instant NOV_START = Instant.parse(NOV);
    private static final Instant DEC_START = Instant.parse("2026-12-01T00:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private RatedChargeTopic topic;

    @BeforeEach
    void connect() {
        topic = new RatedChargeTopic(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    private static RatedCharge.Builder charge(String tenant, String subscription, String group, String plan, long amountMinor,
                                              long sequence) {
        return RatedCharge.newBuilder().setTenant(tenant).setSubscription(subscription).setCustomer("ada").setMeter("api_call")
                .setGroup(group).setPlan(plan).setPlanVersion(1).setPeriodStart(NOV_START).setPeriodEnd(DEC_START)
                .setQuantity(Long.toString(amountMinor)).setUnitPrice("0.01").setAmountMinor(amountMinor).setCurrency("USD")
                .setEventCount(1).setSequence(sequence).setFinal$(false);
    }

    private static String key(String tenant, String subscription, String group, String plan, String suffix) {
        return tenant + "/" + subscription + "/api_call/" + (group == null ? "-" : group) + "/" + plan + "@1/"
                + NOV_START.toEpochMilli() + suffix;
    }

    private static ValidatableResponse close(String key, String subscription) {
        return withKey(key).contentType(ContentType.JSON)
                .body("{\"periodStart\":\"" + NOV + "\",\"subscription\":\"" + subscription + "\"}")
                .post("/v1/invoices/close").then().statusCode(200);
    }

    @Test
    void upgradeUsageGroupsAndAdjustmentsToTheCent() {
        String tenant = "subinv-co";
        String key = createTenant(tenant);
        Catalog.customer(key, "ada", "UTC", "USD");
        Catalog.plan(key, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        Catalog.plan(key, "pro", "MONTHLY", "49.00", "api_call", "0.005", null);
        String sub = Catalog.subscribe(key, "ada", "basic", NOV, 0);
        // Upgrade at the clock's now, 2026-11-20T12:00Z: basic for 19.5 of 30 days, pro for 10.5.
        withKey(key).contentType(ContentType.JSON).body("{\"plan\":\"pro\",\"effective\":\"now\"}")
                .post("/v1/subscriptions/" + sub + "/change-plan").then().statusCode(200);

        topic.publish(key(tenant, sub, "region=eu", "basic", ""), charge(tenant, sub, "region=eu", "basic", 300, 2).build());
        topic.publish(key(tenant, sub, "region=eu", "basic", ""), charge(tenant, sub, "region=eu", "basic", 100, 1).build());
        topic.publish(key(tenant, sub, "region=us", "basic", ""), charge(tenant, sub, "region=us", "basic", 45, 1).build());
        topic.publish(key(tenant, sub, "region=us", "basic", ""), charge(tenant, sub, "region=us", "basic", 45, 1).build());
        topic.publish(key(tenant, sub, "region=eu", "pro", ""), charge(tenant, sub, "region=eu", "pro", 1234, 1).build());
        Instant oct = Instant.parse("2026-10-01T00:00:00Z");
        topic.publish(key(tenant, sub, null, "basic", "/adjustment-of/" + oct.toEpochMilli()),
                charge(tenant, sub, null, "basic", 99, 1).setAdjustmentOf(oct).build());
        topic.awaitConsumed();

        // basic 10.00 × 19.5/30 = 6.50; pro 49.00 × 10.5/30 = 17.15; usage 3.00 + 0.45 + 12.34; adjustment 0.99
        String id = close(key, sub).body("invoices", hasSize(1))
                .body("invoices[0].subscription", equalTo(sub)).body("invoices[0].customer", equalTo("ada"))
                .body("invoices[0].lines.kind", org.hamcrest.Matchers.contains("FLAT_FEE", "FLAT_FEE", "USAGE", "USAGE", "USAGE",
                        "ADJUSTMENT"))
                .body("invoices[0].lines[0].amount", equalTo("6.50")).body("invoices[0].lines[1].amount", equalTo("17.15"))
                .body("invoices[0].subtotal", equalTo("39.44")).body("invoices[0].total", equalTo("40.43"))
                .extract().path("invoices[0].id");
        int number = close(key, sub).body("invoices[0].id", equalTo(id)).extract().path("invoices[0].number");
        withKey(key).get("/v1/invoices?customer=ada").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].number", equalTo(number));
    }

    @Test
    void minimumTopUpAndTheSchedulerClosesAPeriodWithoutUsage() {
        String tenant = "subinv-min-co";
        String key = createTenant(tenant);
        Catalog.customer(key, "ada", "UTC", "USD");
        Catalog.plan(key, "floor", "MONTHLY", "5.00", "api_call", "0.01", "25.00");
        String sub = Catalog.subscribe(key, "ada", "floor", "2026-10-01T00:00:00Z", 0);

        // October has ended (the clock says 2026-11-20): the scheduler closes it without being asked.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                withKey(key).get("/v1/invoices?customer=ada").then().statusCode(200).body("items", hasSize(1))
                        .body("items[0].periodStart", equalTo("2026-10-01T00:00:00Z"))
                        .body("items[0].subscription", equalTo(sub))
                        .body("items[0].lines.kind", org.hamcrest.Matchers.contains("FLAT_FEE", "MINIMUM_TOP_UP"))
                        .body("items[0].total", equalTo("25.00")));

        topic.publish(key(tenant, sub, null, "floor", ""), charge(tenant, sub, null, "floor", 3000, 1).build());
        topic.awaitConsumed();
        close(key, sub).body("invoices[0].lines.kind", org.hamcrest.Matchers.contains("FLAT_FEE", "USAGE"))
                .body("invoices[0].total", equalTo("35.00"));
    }

    @Test
    void anotherTenantsSubscriptionClosesNothing() {
        String theirs = createTenant("subinv-theirs-co");
        String mine = createTenant("subinv-mine-co");
        Catalog.customer(theirs, "ada", "UTC", "USD");
        Catalog.plan(theirs, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        String sub = Catalog.subscribe(theirs, "ada", "basic", NOV, 0);
        close(mine, sub).body("invoices", hasSize(0));
        withKey(mine).get("/v1/invoices").then().statusCode(200).body("items", hasSize(0));
        close(theirs, sub).body("invoices", hasSize(1)).body("invoices[0].total", equalTo("10.00"));
        String invoice = withKey(theirs).get("/v1/invoices?customer=ada").then().extract().path("items[0].id");
        withKey(mine).get("/v1/invoices/" + invoice).then().statusCode(404);
    }
}
