package io.valora.bench.reliability;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What every harness tenant sells: four meters with two aggregations and two monthly plans whose price models
 * differ per meter (per unit, graduated, package). Plans carry no flat fee, so an invoice is exactly the sum of
 * its usage and adjustment lines and the money check needs no proration rule.
 */
public final class HarnessCatalog {

    /** Sum of {@code data.value}: request units. */
    public static final String REQUESTS = "requests";
    /** Sum of {@code data.value}: LLM tokens. */
    public static final String TOKENS = "tokens";
    /** Maximum of {@code data.value} per period: peak storage in GB. */
    public static final String STORAGE = "storage_peak";
    /** Sum, priced 0: only to see when the catalog has reached rating (value-0 probe events). */
    public static final String PROBE = "probe";

    /** Meters with usage; {@link #PROBE} excluded. */
    public static final List<String> METERS = List.of(REQUESTS, TOKENS, STORAGE);
    /** Meters whose period quantity is a maximum rather than a sum. */
    public static final List<String> MAX_METERS = List.of(STORAGE);

    public static final String BASIC = "basic";
    public static final String PRO = "pro";

    private static final Map<String, Map<String, PriceRule>> PLANS = Map.of(
            BASIC, Map.of(
                    REQUESTS, new PerUnitRule(new BigDecimal("0.001")),
                    TOKENS, new GraduatedRule(new BigDecimal("1000"), new BigDecimal("0.002"), new BigDecimal("0.001")),
                    STORAGE, new PackageRule(new BigDecimal("10"), new BigDecimal("1.50")),
                    PROBE, new PerUnitRule(BigDecimal.ZERO)),
            PRO, Map.of(
                    REQUESTS, new PerUnitRule(new BigDecimal("0.0008")),
                    TOKENS, new GraduatedRule(new BigDecimal("5000"), new BigDecimal("0.0015"), new BigDecimal("0.0007")),
                    STORAGE, new PerUnitRule(new BigDecimal("0.12")),
                    PROBE, new PerUnitRule(BigDecimal.ZERO)));

    private HarnessCatalog() {
    }

    /** The price rule of {@code meter} in {@code plan}. */
    public static PriceRule rule(String plan, String meter) {
        PriceRule rule = PLANS.get(plan).get(meter);
        if (rule == null) {
            throw new IllegalArgumentException("no price for " + meter + " in " + plan);
        }
        return rule;
    }

    /** {@code POST /v1/meters} bodies. */
    public static List<ObjectNode> meterBodies() {
        return List.of(REQUESTS, TOKENS, STORAGE, PROBE).stream().map(key -> {
            ObjectNode meter = JsonNodeFactory.instance.objectNode().put("key", key).put("name", key)
                    .put("eventType", "harness." + key)
                    .put("aggregation", MAX_METERS.contains(key) ? "max" : "sum").put("valueProperty", "value");
            meter.putArray("groupBy");
            return meter;
        }).toList();
    }

    /** The CloudEvents type of a meter's events. */
    public static String eventType(String meter) {
        return "harness." + meter;
    }

    /** {@code POST /v1/plans} body of {@code plan}. */
    public static ObjectNode planBody(String plan) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("key", plan).put("name", plan)
                .put("currency", "USD").put("rounding", "HALF_UP").put("cadence", "MONTHLY");
        body.putArray("flatFees");
        var usage = body.putArray("usageCharges");
        PLANS.get(plan).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> usage.addObject().put("meter", e.getKey()).set("model", e.getValue().toJson()));
        body.putNull("minimumSpend");
        return body;
    }
}
