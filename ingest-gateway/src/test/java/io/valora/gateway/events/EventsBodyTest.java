package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventsBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void followsTheContentType() {
        assertThat(parse("{}", "application/cloudevents+json").events()).hasSize(1);
        assertThat(parse("{}", "application/cloudevents+json").batch()).isFalse();
        assertThat(parse("[{},{}]", "application/cloudevents-batch+json").events()).hasSize(2);
        assertThat(parse("[{},{}]", "application/cloudevents-batch+json").batch()).isTrue();
        assertThat(parse("[{}]", "application/json").batch()).isTrue();
        assertThat(parse("{}", "application/json").batch()).isFalse();
    }

    @Test
    void refusesTheWrongShapeForTheContentType() {
        assertThat(parse("[{}]", "application/cloudevents+json").error()).isEqualTo("body: must be one CloudEvents JSON object");
        assertThat(parse("{}", "application/cloudevents-batch+json").error()).isEqualTo("body: must be a JSON array of CloudEvents");
        assertThat(parse("3", "application/json").error()).isEqualTo("body: must be a CloudEvents JSON object or an array of them");
        assertThat(parse("", "application/json").error()).isEqualTo("body: empty");
    }

    @Test
    void neverEchoesACardNumberFromMalformedJson() {
        String error = parse("{\"id\": 4111111111111111x}", "application/json").error();

        assertThat(error).startsWith("body: not valid JSON").doesNotContain("4111111111111111");
    }

    private static EventsBody.Parsed parse(String body, String mediaType) {
        return EventsBody.parse(JSON, body.getBytes(StandardCharsets.UTF_8), mediaType);
    }
}
