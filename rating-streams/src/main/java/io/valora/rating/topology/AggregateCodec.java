package io.valora.rating.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.valora.billing.aggregation.Aggregate;
import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.aggregation.Count;
import io.valora.billing.aggregation.Latest;
import io.valora.billing.aggregation.Max;
import io.valora.billing.aggregation.Measurement;
import io.valora.billing.aggregation.Min;
import io.valora.billing.aggregation.Sum;
import io.valora.billing.aggregation.UniqueCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A billing-core {@link Aggregate} as JSON text in {@link ResourceNames#AGGREGATES_STORE}. The
 * whole state is kept, not just the quantity: {@code max}, {@code min} and {@code latest} need
 * their winner and {@code unique_count} its distinct values to stay exact over the period.
 * Decimals are kept as strings (scale included), distinct values sorted, so equal states have
 * equal text.
 */
final class AggregateCodec {

    private AggregateCodec() {
    }

    static String write(Aggregate<?> aggregate) {
        ObjectNode json = DataJson.JSON.createObjectNode().put("kind", aggregate.kind().name());
        if (aggregate instanceof Sum sum) {
            json.put("total", sum.total().toPlainString());
        } else if (aggregate instanceof Count count) {
            json.put("count", count.count());
        } else if (aggregate instanceof Max max) {
            max.value().ifPresent(v -> json.put("value", v.toPlainString()));
        } else if (aggregate instanceof Min min) {
            min.value().ifPresent(v -> json.put("value", v.toPlainString()));
        } else if (aggregate instanceof Latest latest) {
            latest.latest().ifPresent(m -> json.put("eventId", m.eventId())
                    .put("eventTime", m.eventTime().toString()).put("value", m.value().toPlainString())
                    .put("distinct", m.distinctValue()));
        } else if (aggregate instanceof UniqueCount unique) {
            ArrayNode values = json.putArray("values");
            new TreeSet<>(unique.values()).forEach(values::add);
        }
        return json.toString();
    }

    static Aggregate<?> read(String text) {
        JsonNode json;
        try {
            json = DataJson.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable aggregate state", e);
        }
        AggregationKind kind = AggregationKind.valueOf(json.get("kind").asText());
        return switch (kind) {
            case SUM -> new Sum(new BigDecimal(json.get("total").asText()));
            case COUNT -> new Count(json.get("count").asLong());
            case MAX -> new Max(decimal(json.get("value")));
            case MIN -> new Min(decimal(json.get("value")));
            case LATEST -> new Latest(json.has("eventId")
                    ? Optional.of(new Measurement(json.get("eventId").asText(), Instant.parse(json.get("eventTime").asText()),
                            new BigDecimal(json.get("value").asText()), json.get("distinct").asText()))
                    : Optional.empty());
            case UNIQUE_COUNT -> {
                Set<String> values = new HashSet<>();
                json.get("values").forEach(v -> values.add(v.asText()));
                yield new UniqueCount(values);
            }
        };
    }

    private static Optional<BigDecimal> decimal(JsonNode node) {
        return node == null ? Optional.empty() : Optional.of(new BigDecimal(node.asText()));
    }
}
