package io.valora.invoice.meters;

import io.valora.billing.aggregation.AggregationKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A meter as stored: which events it matches and how it aggregates them.
 *
 * @param tenant        the tenant
 * @param key           the meter's id within the tenant
 * @param name          display name
 * @param eventType     CloudEvents type it matches
 * @param aggregation   how values combine over a period
 * @param valueProperty property of the event data holding the value (absent for COUNT)
 * @param groupBy       properties that split usage into groups
 * @param filters       data path → value every counted event must have (empty = every event of the type)
 * @param createdAt     when it was created
 */
public record StoredMeter(String tenant, String key, Optional<String> name, String eventType,
                          AggregationKind aggregation, Optional<String> valueProperty, List<String> groupBy,
                          Map<String, String> filters, Instant createdAt) {

    /** Copies the group-by list. */
    public StoredMeter {
        groupBy = List.copyOf(groupBy);
        filters = Map.copyOf(filters);
    }

    /** The aggregation as stored and published: lower case, e.g. {@code unique_count}. */
    public String aggregationCode() {
        return aggregation.name().toLowerCase(Locale.ROOT);
    }
}
