package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CloudEventReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudEventReader reader = new CloudEventReader(Clock.fixed(NOW, ZoneOffset.UTC),
            new ValidationLimits(Duration.ofDays(35), Duration.ofMinutes(5), 3, 200));

    @Test
    void readsAValidEvent() {
        CloudEventReader.Result result = read("""
                {"specversion":"1.0","id":"e-1","source":"api","type":"api_call","subject":"cust-1",
                 "time":"2026-11-24T10:15:30+01:00","data":{"value": 2.5, "region":"eu"}}""");

        assertThat(result.errors()).isEmpty();
        assertThat(result.event()).isEqualTo(new IncomingEvent("e-1", "api", "api_call", "cust-1",
                Instant.parse("2026-11-24T09:15:30Z"), "{\"value\":2.5,\"region\":\"eu\"}"));
    }

    @Test
    void usesReceiptTimeWhenTimeIsAbsent() {
        CloudEventReader.Result result = read("""
                {"specversion":"1.0","id":"e-1","source":"api","type":"t","subject":"c","data":{}}""");

        assertThat(result.event().time()).isEqualTo(NOW);
    }

    @Test
    void reportsEveryProblemOfAnEventAtOnce() {
        CloudEventReader.Result result = read("""
                {"specversion":"0.3","id":"","type":7,"subject":"c","time":"yesterday","data":[1]}""");

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).containsExactly(
                "specversion: must be \"1.0\"",
                "id: must not be blank",
                "source: required",
                "type: must be a string",
                "time: must be an RFC 3339 timestamp such as 2026-11-24T10:15:30Z",
                "data: must be a JSON object");
    }

    @Test
    void refusesEventsOutsideTheTimeWindow() {
        assertThat(read(event("2026-10-19T11:59:59Z")).errors()).containsExactly("time: older than the accepted window of 35 days");
        assertThat(read(event("2026-11-24T12:05:01Z")).errors()).containsExactly("time: more than 5 minutes in the future");
        assertThat(read(event("2026-11-24T12:05:00Z")).isValid()).isTrue();
        assertThat(read(event("2026-10-20T12:00:00Z")).isValid()).isTrue();
    }

    @Test
    void refusesANumericTime() {
        assertThat(read("""
                {"specversion":"1.0","id":"e","source":"s","type":"t","subject":"c","time":1732406400,"data":{}}""").errors())
                .containsExactly("time: must be an RFC 3339 timestamp such as 2026-11-24T10:15:30Z");
    }

    @Test
    void refusesOverlongAttributesAndControlCharacters() {
        String longId = "x".repeat(CloudEventReader.MAX_ATTRIBUTE_LENGTH + 1);
        assertThat(read("""
                {"specversion":"1.0","id":"%s","source":"s","type":"t","subject":"c","data":{}}""".formatted(longId)).errors())
                .containsExactly("id: longer than 256 characters");
        assertThat(read("""
                {"specversion":"1.0","id":"a\\u0000b","source":"s","type":"t","subject":"c","data":{}}""").errors())
                .containsExactly("id: must not contain control characters");
    }

    @Test
    void refusesUnpairedSurrogatesThatUtf8CannotCarry() {
        assertThat(read("""
                {"specversion":"1.0","id":"a\\ud800","source":"s","type":"t","subject":"c","data":{"k":"\\udc00x"}}""").errors())
                .containsExactly("id: must be valid Unicode (unpaired surrogate)", "data.k: must be valid Unicode (unpaired surrogate)");
        assertThat(read(withData("{\"emoji\":\"\\ud83d\\ude00\"}")).isValid()).as("a proper pair is fine").isTrue();
    }

    @Test
    void refusesNonFiniteNumbersInData() {
        assertThat(read(withData("{\"value\":1e400}")).errors()).containsExactly("data.value: numbers must be finite");
        assertThat(read(withData("{\"list\":[1, -1e999]}")).errors()).containsExactly("data.list[1]: numbers must be finite");
    }

    @Test
    void refusesDataNestedTooDeeplyOrTooLarge() {
        assertThat(read(withData("{\"a\":{\"b\":{\"c\":1}}}")).isValid()).as("depth 3 is the limit").isTrue();
        assertThat(read(withData("{\"a\":{\"b\":{\"c\":{\"d\":1}}}}")).errors())
                .containsExactly("data.a.b.c: nested deeper than 3 levels");
        assertThat(read(withData("{\"s\":\"" + "x".repeat(200) + "\"}")).errors()).containsExactly("data: larger than 200 bytes");
        assertThat(read(withData("{\"s\":\"" + "é".repeat(100) + "\"}")).errors())
                .as("the limit counts UTF-8 bytes, not characters").containsExactly("data: larger than 200 bytes");
    }

    @Test
    void refusesAnythingButAnObject() {
        assertThat(reader.readEvent(JSON.getNodeFactory().textNode("x")).errors()).containsExactly("event: must be a CloudEvents JSON object");
        assertThat(reader.readEvent(null).isValid()).isFalse();
    }

    private static String withData(String data) {
        return """
                {"specversion":"1.0","id":"e","source":"s","type":"t","subject":"c","data":%s}""".formatted(data);
    }

    private static String event(String time) {
        return """
                {"specversion":"1.0","id":"e","source":"s","type":"t","subject":"c","time":"%s","data":{}}""".formatted(time);
    }

    private CloudEventReader.Result read(String body) {
        try {
            return reader.readEvent(JSON.readTree(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
