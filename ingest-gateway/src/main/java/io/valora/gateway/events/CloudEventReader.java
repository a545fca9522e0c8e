package io.valora.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates one CloudEvents 1.0 structured-mode JSON event at the boundary, so that everything
 * behind the gateway can trust its input. Every problem with the event is reported at once, each
 * with the field it concerns. Parsing the request body (one event or a batch) is
 * {@link EventsBody}'s job; vendor formats are mapped onto this shape before they get here.
 */
public final class CloudEventReader {

    /** Longest accepted {@code id}, {@code source}, {@code type} or {@code subject}. */
    public static final int MAX_ATTRIBUTE_LENGTH = 256;

    private final Clock clock;
    private final ValidationLimits limits;

    public CloudEventReader(Clock clock, ValidationLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /** Validates one event; the result holds the event or every reason it was refused. */
    public Result readEvent(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Result.invalid(List.of("event: must be a CloudEvents JSON object"));
        }
        List<String> errors = new ArrayList<>();
        JsonNode specVersion = event.get("specversion");
        if (specVersion == null || !specVersion.isTextual() || !"1.0".equals(specVersion.textValue())) {
            errors.add("specversion: must be \"1.0\"");
        }
        String id = attribute(event, "id", errors);
        String source = attribute(event, "source", errors);
        String type = attribute(event, "type", errors);
        String subject = attribute(event, "subject", errors);
        Instant time = time(event.get("time"), errors);
        String dataJson = data(event.get("data"), errors);
        if (!errors.isEmpty()) {
            return Result.invalid(errors);
        }
        return Result.valid(new IncomingEvent(id, source, type, subject, time, dataJson));
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
        String problem = attributeProblem(name, value);
        if (problem != null) {
            errors.add(problem);
        }
        return value;
    }

    /** What is wrong with a string attribute's value, or null; shared with {@link StreamingCloudEvents}. */
    static String attributeProblem(String name, String value) {
        if (value.isBlank()) {
            return name + ": must not be blank";
        } else if (value.length() > MAX_ATTRIBUTE_LENGTH) {
            return name + ": longer than " + MAX_ATTRIBUTE_LENGTH + " characters";
        } else if (hasControlCharacter(value)) {
            return name + ": must not contain control characters";
        } else if (!isWellFormed(value)) {
            return name + ": must be valid Unicode (unpaired surrogate)";
        }
        return null;
    }

    private Instant time(JsonNode node, List<String> errors) {
        Instant now = clock.instant();
        if (node == null || node.isNull()) {
            return now;
        }
        Instant time;
        try {
            if (!node.isTextual()) {
                throw new DateTimeParseException("not a string", node.toString(), 0);
            }
            time = parseTime(node.textValue());
        } catch (DateTimeParseException e) {
            errors.add("time: must be an RFC 3339 timestamp such as 2026-11-24T10:15:30Z");
            return null;
        }
        if (!isWithinWindow(time, now, limits)) {
            errors.add(time.isBefore(now) ? "time: older than the accepted window of " + describe(limits.maxAge())
                    : "time: more than " + describe(limits.maxSkew()) + " in the future");
        }
        return time;
    }

    /** RFC 3339 text as an instant; shared with {@link StreamingCloudEvents}. */
    static Instant parseTime(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** Whether an event time lies in {@code [now - maxAge, now + maxSkew]}. */
    static boolean isWithinWindow(Instant time, Instant now, ValidationLimits limits) {
        return !time.isBefore(now.minus(limits.maxAge())) && !time.isAfter(now.plus(limits.maxSkew()));
    }

    private String data(JsonNode data, List<String> errors) {
        if (data == null || !data.isObject()) {
            errors.add("data: must be a JSON object");
            return null;
        }
        int before = errors.size();
        checkTree(data, DataPath.ROOT, 1, errors);
        if (errors.size() > before) {
            return null;
        }
        byte[] json = CompactJson.utf8(data);
        // Bytes, not chars: the limit protects Kafka record sizes, which count bytes.
        if (json.length > limits.maxDataBytes()) {
            errors.add("data: larger than " + limits.maxDataBytes() + " bytes");
            return null;
        }
        return CompactJson.text(json);
    }

    /** Depth and number checks; reports the first problem of each kind only, to keep errors short. */
    private void checkTree(JsonNode node, DataPath path, int depth, List<String> errors) {
        if (node.isContainerNode()) {
            if (depth > limits.maxDataDepth()) {
                errors.add(path + ": nested deeper than " + limits.maxDataDepth() + " levels");
                return;
            }
            if (node.isObject()) {
                for (var it = node.fields(); it.hasNext() && errors.size() < 20; ) {
                    var field = it.next();
                    if (!isWellFormed(field.getKey())) {
                        errors.add(path + ": a key is not valid Unicode (unpaired surrogate)");
                        continue;
                    }
                    checkTree(field.getValue(), path.field(field.getKey()), depth + 1, errors);
                }
            } else {
                int index = 0;
                for (JsonNode element : node) {
                    checkTree(element, path.element(index++), depth + 1, errors);
                }
            }
        } else if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            errors.add(path + ": numbers must be finite");
        } else if (node.isTextual() && !isWellFormed(node.textValue())) {
            // Avro writes UTF-8; an unpaired surrogate would silently become '?'.
            errors.add(path + ": must be valid Unicode (unpaired surrogate)");
        }
    }

    /** False for text with an unpaired UTF-16 surrogate, which has no UTF-8 encoding. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(java.time.Duration duration) {
        if (duration.toDays() > 0 && duration.equals(java.time.Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + " days";
        }
        if (duration.toMinutes() > 0 && duration.equals(java.time.Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + " minutes";
        }
        return duration.toSeconds() + " seconds";
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
