package io.valora.gateway.api;

import static io.restassured.RestAssured.given;
import static io.valora.gateway.api.Events.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.valora.gateway.support.UsageTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not UTF-8, in any field of any format, are a 400 problem and never reach Kafka,
 * including the forms lenient decoders let through: overlong sequences, code points above
 * U+10FFFF, and percent-escaped bytes in a form.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class InvalidUtf8IngestTest {

    private static final String SUBJECT = "cust-utf8";
    /** Stands for the bad bytes in a JSON template. */
    private static final String BAD = "\u0001";
    private static final List<String> BAD_JSON_BYTES = List.of("ff", "c080", "c3", "e080af", "eda080", "f4908080");
    private static final List<String> BAD_FORM_ESCAPES = List.of("%C3%28", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void refusesInvalidUtf8InEveryJsonFormatAndField() {
        long seconds = Instant.now().minusSeconds(60).getEpochSecond();
        List<String> cloudEvents = List.of(
                Events.event("utf8-id" + BAD, SUBJECT),
                Events.event("utf8-value", SUBJECT, "{\"note\":\"a" + BAD + "b\"}"),
                Events.event("utf8-key", SUBJECT, "{\"k" + BAD + "\":1}"),
                Events.event("utf8-subject", SUBJECT + BAD));
        String lago = "{\"transaction_id\":\"utf8-lago\",\"external_subscription_id\":\"" + SUBJECT + "\",\"code\":\"api_call\","
                + "\"timestamp\":" + seconds + ",\"properties\":{\"region\":\"e" + BAD + "u\"}}";
        for (String hex : BAD_JSON_BYTES) {
            for (String event : cloudEvents) {
                assertRefusedAsNotUtf8(post("/v1/events", "application/cloudevents+json", bytes(event, hex)), hex);
                assertRefusedAsNotUtf8(post("/v1/events", "application/cloudevents-batch+json",
                        bytes("[" + Events.event("utf8-fine", SUBJECT) + "," + event + "]", hex)), hex);
                assertRefusedAsNotUtf8(post("/api/v1/events", "application/cloudevents-batch+json", bytes("[" + event + "]", hex)), hex);
            }
            assertRefusedAsNotUtf8(post("/api/v1/events", "application/json", bytes("{\"event\":" + lago + "}", hex)), hex);
            assertRefusedAsNotUtf8(post("/api/v1/events/batch", "application/json", bytes("{\"events\":[" + lago + "]}", hex)), hex);
        }
        assertNothingOfTheSubjectBut(sendControl("utf8-json-control"));
    }

    @Test
    void refusesInvalidUtf8InEveryStripeFormField() {
        for (String escape : BAD_FORM_ESCAPES) {
            assertFormRefused("identifier=utf8-" + escape + "&" + formRest("api_call", SUBJECT), "identifier: not valid UTF-8");
            assertFormRefused("identifier=utf8-stripe&" + formRest("api" + escape, SUBJECT), "event_name: not valid UTF-8");
            assertFormRefused("identifier=utf8-stripe&" + formRest("api_call", SUBJECT + escape),
                    "payload[stripe_customer_id]: not valid UTF-8");
            assertFormRefused("identifier=utf8-stripe&payload%5Bnote" + escape + "%5D=x&" + formRest("api_call", SUBJECT),
                    "body: a field name: not valid UTF-8");
            assertFormRefused("identifier=utf8-stripe&payload%5Bregion%5D=e" + escape + "u&" + formRest("api_call", SUBJECT),
                    "payload[region]: not valid UTF-8");
        }
        assertFormRefused("identifier=utf8-stripe-cut%4&" + formRest("api_call", SUBJECT), "identifier: malformed percent escape");
        assertFormRefused("identifier=utf8-stripe-hex%G1&" + formRest("api_call", SUBJECT), "identifier: malformed percent escape");
        // Raw (unescaped) bytes that are not UTF-8 are refused as the body's.
        ExtractableResponse<Response> raw = post("/v1/billing/meter_events", "application/x-www-form-urlencoded",
                bytes("identifier=utf8-raw" + BAD + "&" + formRest("api_call", SUBJECT), "c080"));
        assertRefusedAsNotUtf8(raw, "raw c080");
        assertNothingOfTheSubjectBut(sendControl("utf8-form-control"));
    }

    @Test
    void stillAcceptsWellFormedMultiByteText() {
        given().header("Authorization", KEY).contentType("application/x-www-form-urlencoded")
                .body("identifier=utf8-ok-%C3%A9%E2%82%AC%F0%9F%98%80&" + formRest("api_call", "cust-utf8-ok") + "&payload%5Bnote%5D=caf%C3%A9+bar")
                .when().post("/v1/billing/meter_events").then().statusCode(200);
        ConsumerRecord<String, io.valora.schemas.UsageEvent> record = UsageTopic.await(bootstrapServers, "utf8-ok-é€😀");
        assertThat(record.value().getData()).isEqualTo("{\"value\":2,\"note\":\"café bar\"}");
    }

    private String sendControl(String id) {
        given().header("Authorization", KEY).contentType("application/cloudevents+json").body(Events.event(id, SUBJECT))
                .when().post("/v1/events").then().statusCode(202);
        return id;
    }

    /** Every refused event used the control's key, so its partition holds them before the control if any got through. */
    private void assertNothingOfTheSubjectBut(String controlId) {
        List<String> ids = UsageTopic.readUntil(bootstrapServers, controlId).stream()
                .filter(r -> r.value().getSubject().startsWith(SUBJECT) && !r.value().getId().endsWith("-control"))
                .map(r -> r.value().getId()).toList();
        assertThat(ids).as("events with bad bytes that reached Kafka").isEmpty();
    }

    private static String formRest(String eventName, String customer) {
        return "event_name=" + eventName + "&payload%5Bstripe_customer_id%5D=" + customer + "&payload%5Bvalue%5D=2";
    }

    private static void assertFormRefused(String form, String error) {
        ExtractableResponse<Response> answer = post("/v1/billing/meter_events", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.statusCode()).as(form).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getList("errors", String.class)).as(form).containsExactly(error);
    }

    private static void assertRefusedAsNotUtf8(ExtractableResponse<Response> answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(400);
        assertThat(answer.jsonPath().getString("type")).isEqualTo("https://valora.dev/problems/invalid-event");
        assertThat(answer.jsonPath().getList("errors", String.class)).as(what)
                .singleElement().asString().startsWith("body: not valid UTF-8 (at byte ");
    }

    private static ExtractableResponse<Response> post(String path, String contentType, byte[] body) {
        // RestAssured encodes a form only from text, in the form's default charset ISO-8859-1: byte for byte.
        return contentType.startsWith("application/x-www-form-urlencoded")
                ? given().header("Authorization", KEY).contentType(contentType).body(new String(body, StandardCharsets.ISO_8859_1))
                        .when().post(path).then().extract()
                : given().header("Authorization", KEY).contentType(contentType).body(body).when().post(path).then().extract();
    }

    /** The template as UTF-8 with every {@link #BAD} replaced by the given bytes. */
    private static byte[] bytes(String template, String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = template.split(BAD, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.writeBytes(HexFormat.of().parseHex(hex));
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
