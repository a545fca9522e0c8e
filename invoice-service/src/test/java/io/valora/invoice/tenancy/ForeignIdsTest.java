package io.valora.invoice.tenancy;

import static io.valora.invoice.support.Charges.charge;
import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.close.PeriodCloser;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes an id, tried with another tenant's id: 404, never their data, and
 * nothing of theirs changes. Every list, tried by the other tenant: none of their items.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class ForeignIdsTest {

    private static final String PERIOD = "2026-11-01T00:00:00Z";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PeriodCloser closer;

    @Test
    void everyIdOfAnotherTenantAnswersNotFoundAndChangesNothing() {
        String victim = createTenant("victim-co");
        String attacker = createTenant("attacker-co");
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("victim-co", "victim-cust", "api-calls", PERIOD).setAmountMinor(4200).build());
            topic.awaitConsumed();
        }
        String invoice = closer.close("victim-co", Instant.parse(PERIOD), Optional.empty()).get(0).id();
        String keyId = withKey(victim).get("/v1/api-keys").then().extract().path("items[0].id");
        withKey(victim).contentType(ContentType.JSON).body("{\"externalId\":\"victim-cust\",\"currency\":\"USD\"}")
                .post("/v1/customers").then().statusCode(201);
        withKey(victim).contentType(ContentType.JSON).body("{\"key\":\"victim-meter\",\"eventType\":\"t\",\"aggregation\":\"count\"}")
                .post("/v1/meters").then().statusCode(201);

        withKey(attacker).get("/v1/invoices/" + invoice).then().statusCode(404);
        withKey(attacker).accept("text/html").get("/v1/invoices/" + invoice).then().statusCode(404);
        withKey(attacker).post("/v1/invoices/" + invoice + "/finalize").then().statusCode(404);
        withKey(attacker).post("/v1/invoices/" + invoice + "/void").then().statusCode(404);
        withKey(attacker).contentType(ContentType.JSON).body("{\"paymentReference\":\"pi_1\"}")
                .post("/v1/invoices/" + invoice + "/mark-paid").then().statusCode(404);
        withKey(attacker).post("/v1/api-keys/" + keyId + "/revoke").then().statusCode(404);
        withKey(attacker).get("/v1/customers/victim-cust").then().statusCode(404);
        withKey(attacker).get("/v1/meters/victim-meter").then().statusCode(404);
        withKey(attacker).contentType(ContentType.JSON).body("{\"periodStart\":\"" + PERIOD + "\",\"customer\":\"victim-cust\"}")
                .post("/v1/invoices/close").then().statusCode(200).body("invoices.size()", equalTo(0));

        withKey(attacker).get("/v1/invoices?limit=200").then().body("items.id", not(hasItem(invoice)));
        withKey(attacker).get("/v1/api-keys?limit=200").then().body("items.id", not(hasItem(keyId)));
        withKey(attacker).get("/v1/customers?limit=200").then().body("items.externalId", not(hasItem("victim-cust")));
        withKey(attacker).get("/v1/meters?limit=200").then().body("items.key", not(hasItem("victim-meter")));

        withKey(victim).get("/v1/invoices/" + invoice).then().statusCode(200)
                .body("status", equalTo("draft")).body("total", equalTo("42.00"));
        withKey(victim).get("/v1/api-keys").then().body("items.revoked", everyItem(equalTo(false)));
    }
}
