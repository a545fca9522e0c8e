package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CloudEventReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final CloudEventReader reader = new CloudEventReader(new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofDays(35), Duration.ofMinutes(5));

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
    }

    @Test
    void refusesMalformedJsonAndNonObjects() {
        assertThat(read("{\"id\":").errors()).singleElement().asString().startsWith("body: not valid JSON");
        assertThat(read("[]").errors()).containsExactly("body: must be one CloudEvents JSON object");
    }

    @Test
    void refusesOverlongAttributes() {
        String longId = "x".repeat(CloudEventReader.MAX_ATTRIBUTE_LENGTH + 1);
        CloudEventReader.Result result = read("""
                {"specversion":"1.0","id":"%s","source":"s","type":"t","subject":"c","data":{}}""".formatted(longId));

        assertThat(result.errors()).containsExactly("id: longer than 256 characters");
    }

    private static String event(String time) {
        return """
                {"specversion":"1.0","id":"e","source":"s","type":"t","subject":"c","time":"%s","data":{}}""".formatted(time);
    }

    private CloudEventReader.Result read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
