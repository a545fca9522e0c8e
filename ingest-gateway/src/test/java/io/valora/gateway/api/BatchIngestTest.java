package io.valora.gateway.api;

import static io.restassured.RestAssured.given;
import static io.valora.gateway.api.Events.KEY;
import static io.valora.gateway.api.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.gateway.support.UsageTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class BatchIngestTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesEveryEventOfABatchBeforeAnswering() {
        String batch = IntStream.range(0, 50).mapToObj(i -> event("batch-ok-" + i, "cust-batch-" + (i % 5)))
                .collect(Collectors.joining(",", "[", "]"));

        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body(batch)
                .when().post("/v1/events")
                .then().statusCode(202).body("accepted", equalTo(50));

        List<String> ids = IntStream.range(0, 50).mapToObj(i -> "batch-ok-" + i).toList();
        assertThat(UsageTopic.awaitAll(bootstrapServers, ids)).containsAll(ids);
    }

    @Test
    void acceptsAnArrayAsPlainJson() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("[" + event("batch-json-1", "c") + "," + event("batch-json-2", "c") + "]")
                .when().post("/v1/events")
                .then().statusCode(202).body("accepted", equalTo(2));
    }

    @Test
    void refusesTheWholeBatchListingEachBadIndex() {
        String batch = "[" + event("batch-bad-0", "cust-allornothing") + ","
                + "{\"specversion\":\"1.0\",\"id\":\"batch-bad-1\",\"type\":\"t\",\"subject\":\"cust-allornothing\",\"data\":{}},"
                + event("batch-bad-2", "cust-allornothing") + ","
                + event("batch-bad-3", "cust-allornothing", "[]") + "]";

        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body(batch)
                .when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/invalid-event"))
                .body("errors", contains("[1] source: required", "[3] data: must be a JSON object"));

        postMarker("batch-bad-marker", "cust-allornothing");
        assertThat(UsageTopic.idsUntil(bootstrapServers, "batch-bad-marker"))
                .as("all or nothing: the valid events of a refused batch were not published either")
                .doesNotContain("batch-bad-0", "batch-bad-2");
    }

    @Test
    void refusesMoreEventsThanTheLimitWith413() {
        String tiny = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":\"t\",\"subject\":\"c\",\"data\":{}}";
        String batch = IntStream.range(0, 10_001).mapToObj(i -> tiny).collect(Collectors.joining(",", "[", "]"));

        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body(batch)
                .when().post("/v1/events")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/request-too-large"));
    }

    @Test
    void refusesABodyOverTheByteLimitWith413() {
        String padded = "[" + " ".repeat(5 * 1024 * 1024) + event("too-big", "c") + "]";

        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body(padded)
                .when().post("/v1/events")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/request-too-large"));
    }

    @Test
    void refusesTheWrongShapeForTheContentType() {
        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body(event("shape", "c"))
                .when().post("/v1/events")
                .then().statusCode(400).body("errors", contains("body: must be a JSON array of CloudEvents"));
    }

    @Test
    void acceptsAnEmptyBatchAsNothing() {
        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body("[]")
                .when().post("/v1/events")
                .then().statusCode(202).body("accepted", equalTo(0));
    }

    private static void postMarker(String id, String subject) {
        given().header("Authorization", KEY).contentType("application/cloudevents+json").body(event(id, subject))
                .when().post("/v1/events")
                .then().statusCode(202);
    }
}
