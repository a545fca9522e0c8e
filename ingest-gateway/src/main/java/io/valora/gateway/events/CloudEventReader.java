package io.valora.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates one CloudEvents 1.0 structured-mode JSON event at the boundary, so that
 * everything behind the gateway can trust its input. Every problem with the event is reported at
 * once, each with the field it concerns.
 */
public final class CloudEventReader {

    /** Longest accepted {@code id}, {@code source}, {@code type} or {@code subject}. */
    public static final int MAX_ATTRIBUTE_LENGTH = 256;

    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkew;

    public CloudEventReader(ObjectMapper json, Clock clock, Duration maxAge, Duration maxSkew) {
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxSkew = maxSkew;
    }

    /** Parses the request body; the result lists the event or the reasons it was refused. */
    public Result read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Result.invalid(List.of("body: not valid JSON (" + e.getOriginalMessage() + ")"));
        } catch (java.io.IOException e) {
            return Result.invalid(List.of("body: unreadable (" + e.getMessage() + ")"));
        }
        if (root == null || !root.isObject()) {
            return Result.invalid(List.of("body: must be one CloudEvents JSON object"));
        }
        return readEvent(root);
    }

    Result readEvent(JsonNode event) {
        List<String> errors = new ArrayList<>();
        JsonNode specVersion = event.get("specversion");
        if (specVersion == null || !"1.0".equals(specVersion.asText())) {
            errors.add("specversion: must be \"1.0\"");
        }
        String id = attribute(event, "id", errors);
        String source = attribute(event, "source", errors);
        String type = attribute(event, "type", errors);
        String subject = attribute(event, "subject", errors);
        Instant time = time(event.get("time"), errors);
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            errors.add("data: must be a JSON object");
        }
        if (!errors.isEmpty()) {
            return Result.invalid(errors);
        }
        return Result.valid(new IncomingEvent(id, source, type, subject, time, data.toString()));
    }

    private static String attribute(JsonNode event, String name, List<String> errors) {
        JsonNode node = event.get(name);
        if (node == null || node.isNull()) {
            errors.add(name + ": required");
            return null;
        }
        if (!node.isTextual()) {
            errors.add(name + ": must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            errors.add(name + ": must not be blank");
        } else if (value.length() > MAX_ATTRIBUTE_LENGTH) {
            errors.add(name + ": longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
        }
        return value;
    }

    private Instant time(JsonNode node, List<String> errors) {
        Instant now = clock.instant();
        if (node == null || node.isNull()) {
            return now;
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("time: must be an RFC 3339 timestamp such as 2026-11-24T10:15:30Z");
            return null;
        }
        if (time.isBefore(now.minus(maxAge))) {
            errors.add("time: older than the accepted window of " + maxAge.toDays() + " days");
        } else if (time.isAfter(now.plus(maxSkew))) {
            errors.add("time: more than " + maxSkew.toMinutes() + " minutes in the future");
        }
        return time;
    }

    /** The event, or why it was refused. */
    public record Result(IncomingEvent event, List<String> errors) {
        static Result valid(IncomingEvent event) {
            return new Result(event, List.of());
        }

        static Result invalid(List<String> errors) {
            return new Result(null, List.copyOf(errors));
        }

        public boolean isValid() {
            return errors.isEmpty();
        }
    }
}
