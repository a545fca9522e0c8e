package io.valora.invoice.meters;

import static io.valora.invoice.support.Operator.createKey;
import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.schemas.Meter;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /v1/meters}: create, read, list by cursor, isolation, validation, and the meters topic. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class MetersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void createsAMeterAndPublishesIt() {
        String key = createTenant("meter-pub-co");
        withKey(key).contentType(ContentType.JSON).body("{\"key\":\"tokens\",\"eventType\":\"com.acme.llm\","
                        + "\"aggregation\":\"sum\",\"valueProperty\":\"tokens\",\"groupBy\":[\"model\",\"region\"]}")
                .post("/v1/meters").then().statusCode(201).body("aggregation", equalTo("sum"));
        withKey(key).get("/v1/meters/tokens").then().statusCode(200)
                .body("groupBy", contains("model", "region")).body("valueProperty", equalTo("tokens"));

        var deserializer = RecordSerde.singleObject(Meter.class).deserializer();
        Meter published = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, "meters").get("meter-pub-co/tokens")
                        .stream().map(Optional::orElseThrow).map(b -> deserializer.deserialize("meters", b)).toList(),
                        list -> list.size() == 1).get(0);
        assertThat(published.getEventType()).isEqualTo("com.acme.llm");
        assertThat(published.getGroupBy()).containsExactly("model", "region");
    }

    @Test
    void refusesInvalidOrDuplicateMetersAndReaders() {
        String key = createTenant("meter-valid-co");
        String calls = "{\"key\":\"calls\",\"eventType\":\"com.acme.call\",\"aggregation\":\"count\"}";
        withKey(key).contentType(ContentType.JSON).body(calls).post("/v1/meters").then().statusCode(201);
        withKey(key).contentType(ContentType.JSON).body(calls).post("/v1/meters").then().statusCode(409)
                .body("type", equalTo("https://valora.dev/problems/meter-exists"));
        for (String bad : List.of(
                "{\"key\":\"Bad Key\",\"eventType\":\"t\",\"aggregation\":\"count\"}",
                "{\"key\":\"k\",\"eventType\":\"t\",\"aggregation\":\"average\"}",
                "{\"key\":\"k\",\"eventType\":\"t\",\"aggregation\":\"sum\"}",
                "{\"key\":\"k\",\"aggregation\":\"count\"}",
                "{\"key\":\"k\",\"eventType\":\"t\",\"aggregation\":\"count\",\"groupBy\":[\"a b\"]}")) {
            withKey(key).contentType(ContentType.JSON).body(bad).post("/v1/meters").then().statusCode(400)
                    .body("type", equalTo("https://valora.dev/problems/invalid-meter"));
        }
        withKey(key).contentType(ContentType.JSON).body("{\"key\":\"long\",\"name\":\"" + "n".repeat(201)
                        + "\",\"eventType\":\"t\",\"aggregation\":\"count\",\"filters\":{\"model\":\"" + "m".repeat(201) + "\"}}")
                .post("/v1/meters").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-meter"))
                .body("errors.field", org.hamcrest.Matchers.contains("name", "filters.model"));
        String reader = createKey(key, List.of("read"));
        withKey(reader).contentType(ContentType.JSON).body(calls.replace("calls", "other")).post("/v1/meters")
                .then().statusCode(403);
        withKey(reader).get("/v1/meters").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void listsByCursorAndHidesOtherTenantsMeters() {
        String mine = createTenant("meter-list-co");
        String theirs = createTenant("meter-other-co");
        for (String k : List.of("a", "b", "c")) {
            withKey(mine).contentType(ContentType.JSON)
                    .body("{\"key\":\"" + k + "\",\"eventType\":\"t\",\"aggregation\":\"count\"}")
                    .post("/v1/meters").then().statusCode(201);
        }
        withKey(theirs).contentType(ContentType.JSON).body("{\"key\":\"hidden\",\"eventType\":\"t\",\"aggregation\":\"count\"}")
                .post("/v1/meters").then().statusCode(201);

        String cursor = withKey(mine).get("/v1/meters?limit=2").then().body("items", hasSize(2)).extract().path("nextCursor");
        withKey(mine).get("/v1/meters?limit=2&cursor=" + cursor).then().body("items", hasSize(1));
        withKey(mine).get("/v1/meters/hidden").then().statusCode(404);
    }
}
