package io.valora.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader may only ever agree with the tree path: whatever it accepts, the tree path
 * (shape, card scan, per-event rules) accepts with the very same events. Checked on generated
 * bodies, valid and hostile, and on byte mutations of valid ones.
 */
class StreamingCloudEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ValidationLimits LIMITS = new ValidationLimits(java.time.Duration.ofDays(35),
            java.time.Duration.ofMinutes(5), 4, 300);
    private static final int MAX_EVENTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StreamingCloudEvents STREAMING = new StreamingCloudEvents(JSON.getFactory(), CLOCK, LIMITS, MAX_EVENTS, false);
    private static final List<String> TYPES = List.of("application/json", EventsBody.CLOUDEVENTS_JSON, EventsBody.CLOUDEVENTS_BATCH_JSON);

    @Test
    void acceptsPlainEventsWithTheTreePathsDataText() {
        String event = """
                {"specversion":"1.0","id":"e-1","source":"s","type":"t","subject":"c","time":"2026-11-24T09:59:00+01:00",
                 "tenant":"ignored","ext":{"n":[1,2.50,-0,1e2,12345678901,true,null]},
                 "data":{"value":1.0,"big":9007199254740993,"text":"caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\n","nested":{"a":[{"b":-1.5E-7}]}}}""";
        StreamingCloudEvents.Accepted accepted = STREAMING.read(utf8(event), EventsBody.CLOUDEVENTS_JSON);
        assertThat(accepted).isNotNull();
        assertThat(accepted.batch()).isFalse();
        assertThat(accepted.events()).isEqualTo(treePath(utf8(event), EventsBody.CLOUDEVENTS_JSON));
        assertThat(accepted.events().get(0).dataJson())
                .isEqualTo("{\"value\":1.0,\"big\":9007199254740993,\"text\":\"café 😀 \\\"q\\\" \\n\",\"nested\":{\"a\":[{\"b\":-1.5E-7}]}}");
        StreamingCloudEvents.Accepted batch = STREAMING.read(utf8("[" + event + "," + event + "]"), "application/json");
        assertThat(batch.batch()).isTrue();
        assertThat(batch.events()).hasSize(2);
        assertThat(STREAMING.read(utf8("[]"), EventsBody.CLOUDEVENTS_BATCH_JSON).events()).isEmpty();
    }

    @Test
    void leavesEveryRefusalToTheTreePath() {
        String valid = "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"s\",\"type\":\"t\",\"subject\":\"c\",\"data\":{\"v\":1}}";
        List<String> refused = List.of(
                valid.replace("\"1.0\"", "\"1.1\""), valid.replace("\"id\":\"e\",", ""), valid.replace("\"e\"", "\"\""),
                valid.replace("\"e\"", "{\"id\":\"x\"}"), valid.replace("\"e\"", "\"4111 1111 1111 1111\""),
                valid.replace("\"id\":\"e\"", "\"id\":\"e\",\"id\":\"f\""), valid.replace("{\"v\":1}", "{\"v\":1,\"v\":2}"),
                valid.replace("{\"v\":1}", "[1]"), valid.replace("{\"v\":1}", "{\"v\":4111111111111111}"),
                valid.replace("{\"v\":1}", "{\"4111-1111-1111-1111\":1}"), valid.replace("{\"v\":1}", "{\"v\":[[[[1]]]]}"),
                valid.replace("{\"v\":1}", "{\"v\":\"\\ud800\"}"), valid.replace("{\"v\":1}", "{\"v\":1e999}"),
                valid.replace("{\"v\":1}", "{\"v\":123456789012345678901234567890}"),
                valid.replace("{\"v\":1}", "{\"v\":\"" + "x".repeat(400) + "\"}"),
                valid.replace("\"c\"", "\"c\",\"time\":\"yesterday\""), valid.replace("\"c\"", "\"c\",\"time\":\"2020-01-01T00:00:00Z\""),
                valid.replace("\"c\"", "\"c\",\"ext\":\"4111111111111111\""), valid.replace("\"c\"", "\"c\",\"4111111111111111\":1"),
                valid + " {}", valid.substring(1));
        for (String body : refused) {
            assertThat(STREAMING.read(utf8(body), "application/json")).as(body).isNull();
        }
        assertThat(STREAMING.read(utf8("[" + valid + "]"), EventsBody.CLOUDEVENTS_JSON)).isNull();
        assertThat(STREAMING.read(utf8(valid), EventsBody.CLOUDEVENTS_BATCH_JSON)).isNull();
        assertThat(STREAMING.read(utf8("[" + (valid + ",").repeat(MAX_EVENTS) + valid + "]"), "application/json"))
                .as("more events than allowed").isNull();
    }

    @Test
    void neverAcceptsWhatTheTreePathRefusesNorDiffersFromIt() {
        Random random = new Random(20261124L);
        int acceptedByBoth = 0;
        for (int round = 0; round < 20_000; round++) {
            String body = random.nextInt(4) == 0 ? randomEvent(random) : randomBatch(random);
            byte[] bytes = utf8(body);
            if (random.nextInt(5) == 0) {
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) (32 + random.nextInt(95));
                }
            }
            String type = TYPES.get(random.nextInt(TYPES.size()));
            StreamingCloudEvents.Accepted streamed = STREAMING.read(bytes, type);
            if (streamed != null) {
                assertThat(streamed.events()).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(treePath(bytes, type));
                acceptedByBoth++;
            }
        }
        assertThat(acceptedByBoth).as("the generator yields valid bodies too").isGreaterThan(1_000);
    }

    @Test
    void leavesFloatsToTheTreePathWhenItReadsThemAsDecimals() {
        StreamingCloudEvents decimals = new StreamingCloudEvents(JSON.getFactory(), CLOCK, LIMITS, MAX_EVENTS, true);
        String event = "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"s\",\"type\":\"t\",\"subject\":\"c\",\"data\":{\"v\":1.5}}";
        assertThat(decimals.read(utf8(event), "application/json")).isNull();
        assertThat(new ObjectMapper().isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)).isFalse();
    }

    /** The tree path's verdict: its events when it accepts the body, null when it refuses it. */
    private static List<IncomingEvent> treePath(byte[] body, String type) {
        EventsBody.Parsed parsed = EventsBody.parse(JSON, body, type);
        if (!parsed.isValid() || parsed.events().size() > MAX_EVENTS) {
            return null;
        }
        CloudEventReader reader = new CloudEventReader(CLOCK, LIMITS);
        List<IncomingEvent> events = new ArrayList<>();
        for (JsonNode node : parsed.events()) {
            if (!CardDataScanner.attributesWithCardData(node).isEmpty()) {
                return null;
            }
        }
        for (JsonNode node : parsed.events()) {
            CloudEventReader.Result result = reader.readEvent(node);
            if (!result.isValid()) {
                return null;
            }
            events.add(result.event());
        }
        return events;
    }

    private static String randomBatch(Random random) {
        StringBuilder body = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
            body.append(randomEvent(random)).append(i > 1 ? "," : "");
        }
        return body.append(']').toString();
    }

    private static String randomEvent(Random random) {
        List<String> fields = new ArrayList<>();
        maybe(random, fields, "\"specversion\":" + pick(random, "\"1.0\"", "\"1.0\"", "\"1.0\"", "\"0.3\"", "1.0", "null"));
        for (String name : List.of("id", "source", "type", "subject")) {
            maybe(random, fields, "\"" + name + "\":" + attribute(random));
        }
        if (random.nextInt(3) > 0) {
            fields.add("\"time\":" + pick(random, "\"2026-11-24T09:30:00Z\"", "\"2026-11-24T10:04:00+00:00\"", "\"2026-11-24T10:06:00Z\"",
                    "\"2026-10-01T00:00:00Z\"", "\"2026-11-24 09:30:00\"", "null", "1764000000", "\"4111111111111111\""));
        }
        if (random.nextInt(6) > 0) {
            fields.add("\"data\":" + (random.nextInt(10) == 0 ? value(random, 1) : object(random, 1)));
        }
        if (random.nextInt(4) == 0) {
            fields.add("\"" + pick(random, "tenant", "ext", "4111111111111111", "id", "data") + "\":" + value(random, 1));
        }
        java.util.Collections.shuffle(fields, random);
        return "{" + String.join(",", fields) + "}";
    }

    private static void maybe(Random random, List<String> fields, String field) {
        if (random.nextInt(12) > 0) {
            fields.add(field);
        }
    }

    private static String attribute(Random random) {
        return pick(random, "\"a\"", "\"cust-1\"", "\"e_12.3456\"", "\"\"", "\" \"", "\"x\\u0001\"", "\"\\ud800\"",
                "\"" + "l".repeat(257) + "\"", "\"4111-1111-1111-1111\"", "\"4111-1111-1111-1112\"", "42", "{}", "[\"a\"]", "null");
    }

    private static String object(Random random, int depth) {
        StringBuilder out = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            out.append(i > 0 ? "," : "").append('"')
                    .append(pick(random, "v", "w", "k" + random.nextInt(3), "4111111111111111", "\\ud83d\\ude00", "\\udc00", ""))
                    .append("\":").append(value(random, depth + 1));
        }
        return out.append('}').toString();
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 6 ? 4 : 7);
        return switch (kind) {
            case 0 -> pick(random, "0", "-0", "7", "2147483648", "-9223372036854775808", "9223372036854775808",
                    "4111111111111111", "4111111111111112", "12345678901234567890123");
            case 1 -> pick(random, "1.0", "2.50", "1e2", "-1.5E-7", "1e999", "0.1", "123456789.123456789", "1E+308");
            case 2 -> pick(random, "\"text\"", "\"caf\u00e9\"", "\"a\\\"b\\n\"", "\"4111 1111 1111 1111\"", "\"\\ud800x\"",
                    "\"" + "y".repeat(120) + "\"");
            case 3 -> pick(random, "true", "false", "null");
            case 4, 5 -> object(random, depth);
            default -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = random.nextInt(3); i > 0; i--) {
                    out.append(value(random, depth + 1)).append(i > 1 ? "," : "");
                }
                yield out.append(']').toString();
            }
        };
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
