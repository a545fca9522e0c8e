package io.valora.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.schemas.UsageEvent;
import io.valora.gateway.support.UsageTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class EventsResourceTest {

    private static final String KEY = "Bearer valora-dev-key";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesAnAcceptedEventKeyedByTenantAndCustomer() {
        String time = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        given().header("Authorization", KEY).contentType("application/cloudevents+json")
                .body("""
                        {"specversion":"1.0","id":"evt-publish-1","source":"test","type":"api_call",
                         "subject":"cust-publish","time":"%s","tenant":"someone-else","data":{"value":3}}""".formatted(time))
                .when().post("/v1/events")
                .then().statusCode(202).body("accepted", equalTo(1));

        ConsumerRecord<String, UsageEvent> record = awaitRecord("evt-publish-1");
        assertThat(record.key()).isEqualTo("demo/cust-publish");
        assertThat(record.value().getTenant()).as("tenant comes from the key, never the payload").isEqualTo("demo");
        assertThat(record.value().getType()).isEqualTo("api_call");
        assertThat(record.value().getData()).isEqualTo("{\"value\":3}");
        assertThat(record.value().getTime()).isEqualTo(Instant.parse(time));
    }

    @Test
    void acceptsPlainJsonContentType() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("""
                        {"specversion":"1.0","id":"evt-json-1","source":"test","type":"api_call","subject":"c","data":{}}""")
                .when().post("/v1/events")
                .then().statusCode(202);
    }

    @Test
    void refusesRequestsWithoutAValidKey() {
        given().contentType("application/json").body("{}")
                .when().post("/v1/events")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/unauthorized"));
        given().header("Authorization", "Bearer wrong").contentType("application/json").body("{}")
                .when().post("/v1/events")
                .then().statusCode(401);
    }

    @Test
    void refusesAnInvalidEventWithProblemDetails() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("""
                        {"specversion":"1.0","id":"evt-bad","type":"api_call","subject":"c","data":"nope"}""")
                .when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/invalid-event"))
                .body("errors", hasItem("source: required"))
                .body("errors", hasItem("data: must be a JSON object"));
    }

    @Test
    void refusesMalformedJsonWithA400() {
        given().header("Authorization", KEY).contentType("application/json").body("{\"specversion\":")
                .when().post("/v1/events")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void countsAcceptedAndRejectedEventsForPrometheus() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("""
                        {"specversion":"1.0","id":"evt-metrics","source":"test","type":"api_call","subject":"c","data":{}}""")
                .when().post("/v1/events").then().statusCode(202);
        given().header("Authorization", KEY).contentType("application/json").body("{}")
                .when().post("/v1/events").then().statusCode(400);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("valora_ingest_events_accepted_total", "valora_ingest_events_rejected_total{reason=\"invalid\"",
                "valora_ingest_publish_latency_seconds");
    }

    @Test
    void documentsEveryIngestEndpointInOpenApi() {
        String openApi = given().when().get("/q/openapi").then().statusCode(200).extract().asString();

        assertThat(openApi).contains("/v1/events", "/api/v1/events", "/api/v1/events/batch", "/v1/billing/meter_events",
                "application/cloudevents-batch+json");
    }

    @Test
    void servesHealth() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private ConsumerRecord<String, UsageEvent> awaitRecord(String eventId) {
        return UsageTopic.await(bootstrapServers, eventId);
    }
}
