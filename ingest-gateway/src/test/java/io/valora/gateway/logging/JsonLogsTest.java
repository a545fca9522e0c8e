package io.valora.gateway.logging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The gateway's JSON log lines, as a log shipper reads them: every line one JSON object with the
 * usual fields, refusals carrying reason/tenant/events, and nothing of what the client sent (card
 * digits, data values, the API key) in any line. The same JSON formatter writes the console in
 * production; here it writes a file the test can read.
 */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonFileLogs.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class JsonLogsTest {

    /** One file per run; a system property, because the profile and the test may be loaded by different class loaders. */
    static final Path LOG_FILE = Path.of(System.getProperties().computeIfAbsent("valora.test.json-log-file",
            k -> "target/json-logs/gateway-" + UUID.randomUUID() + ".log").toString());

    /** JSON lines to a file, with the ingest path's DEBUG lines (invalid requests) on. */
    public static final class JsonFileLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG_FILE.toString(),
                    "quarkus.log.file.json.enabled", "true",
                    "quarkus.log.file.json.additional-field.service.value", "ingest-gateway",
                    "quarkus.log.file.level", "DEBUG",
                    "quarkus.log.category.\"io.valora.gateway\".level", "DEBUG");
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void refusalsAreJsonLinesWithoutAnyPayload() {
        // letters only: a UUID's digits can join across its dashes into a Luhn-valid 13-19 digit run, and the
        // gateway would then refuse the "invalid" event below as card data (422) instead of 400
        String marker = "payload-marker-" + lettersOnly(UUID.randomUUID().toString());
        String cardBatch = "[" + event("log-ok", "{\"value\":1,\"note\":\"" + marker + "\"}") + ","
                + event("log-card", "{\"note\":\"paid with 4111 1111 1111 1111\",\"pan\":5555555555554444}") + "]";
        given().header("Authorization", "Bearer valora-dev-key").contentType("application/cloudevents-batch+json")
                .body(cardBatch).when().post("/v1/events").then().statusCode(422);

        String invalid = event("log-invalid", "{\"secret\":\"" + marker + "\",\"n\":\"x\"}").replace("\"subject\":\"cust-log\",", "");
        given().header("Authorization", "Bearer valora-dev-key").contentType("application/cloudevents+json")
                .body(invalid).when().post("/v1/events").then().statusCode(400);

        given().header("Authorization", "Bearer vk_not_a_real_key_" + marker).contentType("application/cloudevents+json")
                .body(event("log-401", "{\"value\":1}")).when().post("/v1/events").then().statusCode(401);

        List<JsonNode> lines = Awaitility.await("both refusals logged").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(this::lines, l -> refusal(l, "card-data") != null && refusal(l, "invalid") != null);

        for (JsonNode line : lines) {
            assertThat(line.has("timestamp") && line.has("level") && line.has("loggerName") && line.has("message"))
                    .as("standard fields in %s", line).isTrue();
            assertThat(line.path("service").asText()).isEqualTo("ingest-gateway");
        }
        JsonNode card = refusal(lines, "card-data");
        assertThat(card.path("level").asText()).isEqualTo("WARN");
        assertThat(card.path("mdc").path("tenant").asText()).isEqualTo("demo");
        assertThat(card.path("mdc").path("events").asText()).isEqualTo("2");
        assertThat(card.path("message").asText()).contains("card-like");
        assertThat(refusal(lines, "invalid").path("level").asText()).isEqualTo("DEBUG");

        String all = String.join("\n", lines.stream().map(JsonNode::toString).toList());
        assertThat(all).as("no card digits, in any spelling")
                .doesNotContain("4111 1111 1111 1111").doesNotContain("4111111111111111").doesNotContain("5555555555554444");
        assertThat(all).as("no data values and no API key").doesNotContain(marker).doesNotContain("vk_not_a_real_key");
    }

    private static JsonNode refusal(List<JsonNode> lines, String reason) {
        return lines.stream().filter(l -> reason.equals(l.path("mdc").path("reason").asText())).findFirst().orElse(null);
    }

    /** Every line of the log file, each parsed as one JSON object (a line that is not fails the test). */
    private List<JsonNode> lines() throws IOException {
        List<JsonNode> parsed = new ArrayList<>();
        if (!Files.exists(LOG_FILE)) {
            return parsed;
        }
        for (String line : Files.readAllLines(LOG_FILE)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                assertThat(node.isObject()).as("a JSON object per line: %s", line).isTrue();
                parsed.add(node);
            }
        }
        return parsed;
    }

    private static String event(String id, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"api_call","subject":"cust-log","time":"%s","data":%s}"""
                .formatted(id, Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS), data);
    }

    /** Each digit replaced by a letter (0 → g, 1 → h, ...), so the text holds no digit run at all. */
    private static String lettersOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return out.toString();
    }
}
