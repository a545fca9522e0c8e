package io.valora.invoice.close;

import static io.restassured.RestAssured.given;
import static io.valora.invoice.support.Charges.charge;
import static io.valora.invoice.support.Operator.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.valora.invoice.support.Catalog;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.Operator;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One tenant's period that cannot be closed (its charges are in another currency than its plan)
 * neither stops the other tenants' automatic close in the same tick nor is retried in a loop: it
 * is listed to its tenant with the error, counted on /q/metrics, and skipped until its retry time.
 * The scheduler is off here; the test runs its ticks itself.
 */
@QuarkusTest
@TestProfile(CloseFailuresTest.ManualTicks.class)
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class CloseFailuresTest {

    private static final String OCT = "2026-10-01T00:00:00Z";

    /** No scheduled ticks: the test decides when the scheduler runs. */
    public static class ManualTicks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PeriodCloseScheduler scheduler;

    @Test
    void aFailingTenantDoesNotStopTheOthersAndIsListedAndRetriedLater() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String keyA = Operator.createTenant("cfa-" + run);
        String keyB = Operator.createTenant("cfb-" + run);
        String subA = subscribe(keyA);
        String subB = subscribe(keyB);
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("cfa-" + run, "cust", "api", OCT).setSubscription(subA).setCurrency("EUR").setAmountMinor(100).build());
            topic.publish(charge("cfb-" + run, "cust", "api", OCT).setSubscription(subB).setAmountMinor(200).build());
            topic.awaitConsumed();
        }

        scheduler.closeDue();

        withKey(keyB).get("/v1/invoices?customer=cust").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].periodStart", equalTo(OCT)).body("items[0].total", equalTo("12.00"));
        withKey(keyA).get("/v1/invoices?customer=cust").then().statusCode(200).body("items", empty());
        withKey(keyA).get("/v1/invoices/close-failures").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].subscription", equalTo(subA))
                .body("items[0].periodStart", equalTo(OCT))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].error", containsString("EUR"))
                .body("items[0].retryAt", equalTo("2026-11-20T12:01:00Z"));
        withKey(keyB).get("/v1/invoices/close-failures").then().statusCode(200).body("items", empty());
        given().get("/q/metrics").then().statusCode(200).body(containsString("valora_invoice_close_failures"));

        scheduler.closeDue();

        withKey(keyA).get("/v1/invoices/close-failures").then().statusCode(200).body("items[0].attempts", equalTo(1));
    }

    private static String subscribe(String key) {
        Catalog.customer(key, "cust", "UTC", "USD");
        Catalog.plan(key, "basic", "MONTHLY", "10.00", "api", "0.01", null);
        return Catalog.subscribe(key, "cust", "basic", OCT, 0);
    }
}
