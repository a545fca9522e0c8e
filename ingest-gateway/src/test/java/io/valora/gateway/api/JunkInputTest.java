package io.valora.gateway.api;

import static io.restassured.RestAssured.given;
import static io.valora.gateway.api.Events.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input must be answered with a 4xx problem, never a 5xx, whatever it is. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class JunkInputTest {

    private static final String VALID = """
            {"specversion":"1.0","id":"junk-base","source":"s","type":"t","subject":"c","data":{"value":1,"tags":["a"]}}""";

    @Test
    void answersHandPickedJunkWithA4xxProblem() {
        List<String> bodies = List.of("", "null", "true", "\"text\"", "42", "{", "[", "[1,2", "{}", "[{}]", "[[]]", "[null]",
                "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]",
                "{\"data\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000) + "}",
                VALID.replace("\"value\":1", "\"value\":1e99999"),
                VALID.replace("\"value\":1", "\"value\":-1e400"),
                VALID.replace("\"value\":1", "\"value\":" + "9".repeat(5_000)),
                VALID.replace("\"value\":1", "\"value\":NaN"),
                VALID.replace("junk-base", "\\ud800"),
                VALID.replace("\"c\"", "\"\\u0000\""),
                VALID.replace("\"source\":\"s\"", "\"source\":\"s\",\"time\":\"+999999999-12-31T23:59:59Z\""),
                VALID.replace("\"source\":\"s\"", "\"source\":\"s\",\"time\":\"-999999999-01-01T00:00:00Z\""),
                VALID.replace("\"source\":\"s\"", "\"source\":\"s\",\"time\":{}"),
                VALID.replace("\"specversion\":\"1.0\"", "\"specversion\":1.0"),
                "\uFEFF" + VALID.replace("junk-base", "x".repeat(100_000)));
        for (String body : bodies) {
            for (String type : List.of("application/json", "application/cloudevents+json", "application/cloudevents-batch+json")) {
                assertProblem(post(body.getBytes(StandardCharsets.UTF_8), type), body, type);
            }
        }
    }

    @Test
    void answersRandomMutationsOfAValidBatchWithoutA5xx() {
        Random random = new Random(20261124L);
        byte[] valid = ("[" + VALID + "," + VALID + "]").getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 150; round++) {
            byte[] body = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            int status = post(body, "application/json").statusCode();
            statuses.add(status);
            assertThat(status).as("round %d", round).isLessThan(500);
        }
        assertThat(statuses).as("mutations are mostly refused").contains(400);
    }

    @Test
    void answersUnsupportedMediaTypesAndMethodsWithProblems() {
        ExtractableResponse<Response> text = given().header("Authorization", KEY).contentType("text/plain").body(VALID)
                .when().post("/v1/events").then().extract();
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(given().header("Authorization", KEY).when().get("/v1/events").then().extract().statusCode()).isEqualTo(405);
    }

    private static ExtractableResponse<Response> post(byte[] body, String contentType) {
        return given().header("Authorization", KEY).contentType(contentType).body(body)
                .when().post("/v1/events").then().extract();
    }

    private static void assertProblem(ExtractableResponse<Response> response, String body, String type) {
        String what = type + " " + (body.length() > 80 ? body.substring(0, 80) + "..." : body);
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }
}
