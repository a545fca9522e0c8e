package io.valora.invoice.api;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v1/meters}.
 *
 * @param key           the meter's id: lower-case letters, digits, {@code . _ -}, 1–100 characters
 * @param name          display name; optional
 * @param eventType     CloudEvents type to match
 * @param aggregation   {@code sum}, {@code count}, {@code max}, {@code min}, {@code latest} or {@code unique_count}
 * @param valueProperty property of the event data holding the value; required unless {@code count}
 * @param groupBy       properties that split usage into groups; optional
 * @param filters       data path (dotted) → value an event must have to be counted; optional
 */
public record CreateMeterRequest(String key, String name, String eventType, String aggregation, String valueProperty,
                                 List<String> groupBy, Map<String, String> filters) {
}
