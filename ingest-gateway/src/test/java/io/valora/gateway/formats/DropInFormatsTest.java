package io.valora.gateway.formats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.gateway.support.UsageTopic;
import io.valora.schemas.UsageEvent;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every drop-in format lands as the same Avro record as native CloudEvents. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class DropInFormatsTest {

    private static final String KEY = "Bearer valora-dev-key";
    private static final long SECONDS = Instant.now().minusSeconds(120).getEpochSecond();
    private static final String TIME = Instant.ofEpochSecond(SECONDS).toString();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyFormatLandsAsTheSameRecord() {
        post("/v1/events", "application/cloudevents+json", cloudEvent("fmt-native"), 202);
        post("/api/v1/events", "application/cloudevents-batch+json", "[" + cloudEvent("fmt-openmeter") + "]", 202);
        post("/api/v1/events", "application/json", "[" + cloudEvent("fmt-openmeter-json") + "]", 202);
        post("/api/v1/events", "application/json", "{\"event\":" + lago("fmt-lago") + "}", 200);
        post("/api/v1/events/batch", "application/json", "{\"events\":[" + lago("fmt-lago-batch") + "]}", 200);
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded; charset=utf-8")
                .body("event_name=api_call&payload%5Bstripe_customer_id%5D=cust-fmt&payload%5Bvalue%5D=3&payload%5Bregion%5D=eu"
                        + "&identifier=fmt-stripe&timestamp=" + SECONDS)
                .when().post("/v1/billing/meter_events")
                .then().statusCode(200).body("object", equalTo("billing.meter_event")).body("identifier", equalTo("fmt-stripe"));

        List<String> ids = List.of("fmt-native", "fmt-openmeter", "fmt-openmeter-json", "fmt-lago", "fmt-lago-batch", "fmt-stripe");
        UsageTopic.awaitAll(bootstrapServers, ids);
        UsageEvent expected = UsageTopic.await(bootstrapServers, "fmt-native").value();
        for (String id : ids) {
            UsageEvent actual = UsageTopic.await(bootstrapServers, id).value();
            assertThat(actual.getTenant()).as(id).isEqualTo("demo");
            assertThat(actual.getSubject()).as(id).isEqualTo("cust-fmt");
            assertThat(actual.getType()).as(id).isEqualTo("api_call");
            assertThat(actual.getTime()).as(id).isEqualTo(expected.getTime());
            assertThat(actual.getData()).as(id).isEqualTo("{\"value\":3,\"region\":\"eu\"}");
        }
        assertThat(UsageTopic.await(bootstrapServers, "fmt-lago").value().getSource()).isEqualTo("lago");
        assertThat(UsageTopic.await(bootstrapServers, "fmt-stripe").value().getSource()).isEqualTo("stripe");
    }

    @Test
    void reportsLagoProblemsInLagoFieldNames() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"events\":[" + lago("lago-ok") + ",{\"code\":\"api_call\",\"external_subscription_id\":\"s\",\"properties\":[]}]}")
                .when().post("/api/v1/events/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", contains("[1] transaction_id: required", "[1] properties: must be a JSON object"));
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"event\":{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\",\"timestamp\":\"soon\"}}")
                .when().post("/api/v1/events")
                .then().statusCode(400).body("errors", contains("timestamp: must be Unix time in seconds"));
    }

    @Test
    void refusesCardDataInVendorFieldsTheMappingWouldDrop() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"event\":{\"transaction_id\":\"t-card\",\"code\":\"c\",\"external_subscription_id\":\"s\","
                        + "\"precise_total_amount_cents\":\"4111111111111111\"}}")
                .when().post("/api/v1/events")
                .then().statusCode(422).body("errors", contains("precise_total_amount_cents: contains what looks like a card number"));
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded")
                .body("event_name=api_call&payload%5Bstripe_customer_id%5D=c&payload%5Bnote%5D=4111-1111-1111-1111")
                .when().post("/v1/billing/meter_events")
                .then().statusCode(422).body("type", equalTo("https://valora.dev/problems/card-data-refused"));
    }

    @Test
    void reportsStripeProblemsInStripeFieldNames() {
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded")
                .body("payload%5Bvalue%5D=lots&identifier=s-bad")
                .when().post("/v1/billing/meter_events")
                .then().statusCode(400).body("errors", contains("payload[value]: must be a number"));
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded")
                .body("payload%5Bvalue%5D=1&identifier=s-bad")
                .when().post("/v1/billing/meter_events")
                .then().statusCode(400).body("errors", contains("event_name: required", "payload[stripe_customer_id]: required"));
    }

    @Test
    void vendorEndpointsNeedAKey() {
        given().contentType("application/json").body("{\"event\":" + lago("no-key") + "}")
                .when().post("/api/v1/events").then().statusCode(401);
        given().contentType("application/x-www-form-urlencoded").body("event_name=x")
                .when().post("/v1/billing/meter_events").then().statusCode(401);
    }

    private static void post(String path, String contentType, String body, int status) {
        given().header("Authorization", KEY).contentType(contentType).body(body)
                .when().post(path).then().statusCode(status);
    }

    private static String cloudEvent(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"api_call","subject":"cust-fmt","time":"%s","data":{"value":3,"region":"eu"}}"""
                .formatted(id, TIME);
    }

    private static String lago(String id) {
        return """
                {"transaction_id":"%s","external_subscription_id":"cust-fmt","code":"api_call","timestamp":%d,"properties":{"value":3,"region":"eu"}}"""
                .formatted(id, SECONDS);
    }
}
