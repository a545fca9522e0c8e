package io.valora.invoice.customers;

import static io.valora.invoice.support.Operator.createKey;
import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.schemas.Customer;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /v1/customers}: create, read, list by cursor, isolation, validation, and the customers topic. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class CustomersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void createsACustomerAndPublishesIt() {
        String key = createTenant("cust-pub-co");
        withKey(key).contentType(ContentType.JSON)
                .body("{\"externalId\":\"c-1\",\"name\":\"Ada\",\"timeZone\":\"Asia/Kathmandu\",\"currency\":\"eur\"}")
                .post("/v1/customers").then().statusCode(201)
                .body("currency", equalTo("EUR")).body("timeZone", equalTo("Asia/Kathmandu"));
        withKey(key).get("/v1/customers/c-1").then().statusCode(200).body("name", equalTo("Ada"));

        var deserializer = RecordSerde.singleObject(Customer.class).deserializer();
        Customer published = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, "customers").get("cust-pub-co/c-1")
                        .stream().map(Optional::orElseThrow).map(b -> deserializer.deserialize("customers", b)).toList(),
                        list -> list.size() == 1).get(0);
        assertThat(published.getTimeZone()).isEqualTo("Asia/Kathmandu");
        assertThat(published.getCurrency()).isEqualTo("EUR");
    }

    @Test
    void refusesDuplicatesAndInvalidCustomers() {
        String key = createTenant("cust-valid-co");
        String body = "{\"externalId\":\"dup\",\"currency\":\"USD\"}";
        withKey(key).contentType(ContentType.JSON).body(body).post("/v1/customers").then().statusCode(201)
                .body("timeZone", equalTo("UTC"));
        withKey(key).contentType(ContentType.JSON).body(body).post("/v1/customers").then().statusCode(409)
                .body("type", equalTo("https://valora.dev/problems/customer-exists"));
        for (String bad : List.of("{\"externalId\":\"x\",\"currency\":\"EURO\"}",
                "{\"externalId\":\"x\",\"currency\":\"EUR\",\"timeZone\":\"Mars/Olympus\"}",
                "{\"currency\":\"EUR\"}")) {
            withKey(key).contentType(ContentType.JSON).body(bad).post("/v1/customers").then().statusCode(400)
                    .body("type", equalTo("https://valora.dev/problems/invalid-customer"));
        }
        withKey(key).contentType(ContentType.JSON)
                .body("{\"externalId\":\"" + "e".repeat(201) + "\",\"name\":\"" + "n".repeat(201) + "\",\"currency\":\"EUR\"}")
                .post("/v1/customers").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-customer"))
                .body("errors.field", org.hamcrest.Matchers.contains("externalId", "name"));
        // Catalog text is scanned with the gateway's card rule: a card in a name is refused and named.
        withKey(key).contentType(ContentType.JSON)
                .body("{\"externalId\":\"card-co\",\"name\":\"Paid by 4111 1111 1111 1111\",\"currency\":\"EUR\"}")
                .post("/v1/customers").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-customer"))
                .body("errors.field", org.hamcrest.Matchers.contains("name"))
                .body("errors.detail", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("card")));
        String reader = createKey(key, List.of("read"));
        withKey(reader).contentType(ContentType.JSON).body("{\"externalId\":\"y\",\"currency\":\"EUR\"}")
                .post("/v1/customers").then().statusCode(403);
    }

    @Test
    void listsByCursorAndHidesOtherTenantsCustomers() {
        String mine = createTenant("cust-list-co");
        String theirs = createTenant("cust-other-co");
        for (String id : List.of("a", "b", "c")) {
            withKey(mine).contentType(ContentType.JSON).body("{\"externalId\":\"" + id + "\",\"currency\":\"USD\"}")
                    .post("/v1/customers").then().statusCode(201);
        }
        withKey(theirs).contentType(ContentType.JSON).body("{\"externalId\":\"secret\",\"currency\":\"USD\"}")
                .post("/v1/customers").then().statusCode(201);

        String cursor = withKey(mine).get("/v1/customers?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("nextCursor");
        withKey(mine).get("/v1/customers?limit=2&cursor=" + cursor).then().body("items", hasSize(1))
                .body("nextCursor", equalTo(null));
        withKey(mine).get("/v1/customers/secret").then().statusCode(404);
        withKey(theirs).get("/v1/customers/secret").then().statusCode(200);
    }
}
