package io.valora.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.valora.invoice.meters.StoredMeter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a meter.
 *
 * @param key           the meter's id within the tenant
 * @param name          display name, if any
 * @param eventType     CloudEvents type it matches
 * @param aggregation   {@code sum}, {@code count}, {@code max}, {@code min}, {@code latest} or {@code unique_count}
 * @param valueProperty property of the event data holding the value (absent for count)
 * @param groupBy       properties that split usage into groups
 * @param filters       data path → value every counted event has
 * @param createdAt     ISO-8601 instant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeterJson(String key, String name, String eventType, String aggregation, String valueProperty,
                        List<String> groupBy, Map<String, String> filters, String createdAt) {

    static MeterJson of(StoredMeter m) {
        return new MeterJson(m.key(), m.name().orElse(null), m.eventType(), m.aggregationCode(),
                m.valueProperty().orElse(null), m.groupBy(), new TreeMap<>(m.filters()),
                m.createdAt().toString());
    }
}
