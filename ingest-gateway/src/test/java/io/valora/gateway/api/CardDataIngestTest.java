package io.valora.gateway.api;

import static io.restassured.RestAssured.given;
import static io.valora.gateway.api.Events.KEY;
import static io.valora.gateway.api.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.gateway.support.UsageTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class CardDataIngestTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void refusesABatchWithCardNumbersInSeveralPlacesAndNeverPublishesIt() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        String batch = "[" + event("card-ok-0", "cust-card") + ","
                + event("card-1", "cust-card", "{\"note\":\"paid with 4111 1111 1111 1111\"}") + ","
                + event("card-2", "cust-card", "{\"nested\":{\"5555-5555-5555-4444\":true}}") + ","
                + event("3782 822463 10005", "cust-card") + "]";

        given().header("Authorization", KEY).contentType("application/cloudevents-batch+json").body(batch)
                .when().post("/v1/events")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/card-data-refused"))
                .body("errors", contains(
                        "[1] data: contains what looks like a card number",
                        "[2] data: contains what looks like a card number",
                        "[3] id: contains what looks like a card number"))
                .body(not(containsString("4111")));
        Logger.getLogger("").removeHandler(capture);
        assertThat(logged).as("the refusal is logged").anyMatch(line -> line.contains("card-like"));
        assertThat(logged).as("but never the number").noneMatch(line -> line.contains("4111") || line.contains("5555-5555"));

        given().header("Authorization", KEY).contentType("application/cloudevents+json").body(event("card-marker", "cust-card"))
                .when().post("/v1/events").then().statusCode(202);
        assertThat(UsageTopic.idsUntil(bootstrapServers, "card-marker")).doesNotContain("card-ok-0", "card-1", "card-2");
    }

    @Test
    void acceptsALookAlikeThatFailsLuhn() {
        given().header("Authorization", KEY).contentType("application/cloudevents+json")
                .body(event("card-lookalike", "cust-card", "{\"order\":\"4111 1111 1111 1112\"}"))
                .when().post("/v1/events")
                .then().statusCode(202);
        assertThat(UsageTopic.await(bootstrapServers, "card-lookalike").value().getData()).contains("4111 1111 1111 1112");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "refuses {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "{\"amount\":4111111111111111.0}",
        "{\"amount\":4.111111111111111e15}",
        "{\"note\":\"4111\\u00a01111\\u00a01111\\u00a01111\"}",
        "{\"note\":\"4111.1111.1111.1111\"}",
        "{\"note\":\"4111  1111  1111  1111\"}"})
    void refusesCardsWrittenAsFloatsOrWithOtherSeparators(String data) {
        given().header("Authorization", KEY).contentType("application/cloudevents+json")
                .body(event("card-bypass", "cust-card", data))
                .when().post("/v1/events")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/card-data-refused"));
    }

    @Test
    void refusesAStripeValueThatIsACardOnlyOnceReadAsANumber() {
        // as form text "4.111111111111111e15" holds no card, but payload[value] is published as 4111111111111111
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded")
                .body("event_name=api_call&payload%5Bstripe_customer_id%5D=cust-card&payload%5Bvalue%5D=4.111111111111111e15"
                        + "&identifier=card-stripe-exponent")
                .when().post("/v1/billing/meter_events")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("/card-data-refused"));
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded")
                .body("event_name=api_call&payload%5Bstripe_customer_id%5D=cust-card&payload%5Bvalue%5D=1796657500007"
                        + "&identifier=card-stripe-millis")
                .when().post("/v1/billing/meter_events")
                .then().statusCode(200);
    }

    @Test
    void acceptsMillisecondTimestampsAndRunIdsThatOnlyLookLikeCards() {
        // 1796657500007 passes Luhn; so does the id's 15 digits: the old rule refused both.
        given().header("Authorization", KEY).contentType("application/cloudevents+json")
                .body(event("t4-1796657500-10006", "cust-card", "{\"sentAt\":1796657500007}"))
                .when().post("/v1/events")
                .then().statusCode(202);
    }
}
