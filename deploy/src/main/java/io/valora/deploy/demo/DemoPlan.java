package io.valora.deploy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The sample run's price plan, twice: as the JSON body the catalog REST API takes, and as this class's own
 * small arithmetic for the ground truth. The arithmetic is deliberately written here with plain {@link BigDecimal}
 * and not taken from billing-core, so a pricing defect in the pipeline shows up as a mismatch instead of being
 * copied into the expectation.
 *
 * <p>The plan: a platform fee of 10.00 USD per month; {@code api_call} and {@code storage_gb_hour} at 0.01 USD per
 * unit; {@code tokens} graduated, the first 1,000 units at 0.002 USD and every unit above at 0.001 USD. Every line
 * is rounded once, half-up, to cents.
 */
public final class DemoPlan {

    public static final String KEY = "demo";
    public static final String CURRENCY = "USD";
    public static final BigDecimal PLATFORM_FEE = new BigDecimal("10.00");
    public static final BigDecimal UNIT_PRICE = new BigDecimal("0.01");
    public static final BigDecimal TOKENS_FIRST_TIER = new BigDecimal("1000");
    public static final BigDecimal TOKENS_FIRST_PRICE = new BigDecimal("0.002");
    public static final BigDecimal TOKENS_ABOVE_PRICE = new BigDecimal("0.001");

    /** The meters of the plan; each counts events of the same type and sums {@code data.value}. */
    public static final List<String> METERS = List.of("api_call", "storage_gb_hour", "tokens");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoPlan() {
    }

    /** {@code POST /v1/plans} body. */
    public static ObjectNode planBody() {
        ObjectNode plan = JSON.createObjectNode()
                .put("key", KEY).put("name", "Demo").put("currency", CURRENCY)
                .put("rounding", "HALF_UP").put("cadence", "MONTHLY");
        plan.putArray("flatFees").addObject()
                .put("code", "platform").put("description", "Platform fee").put("amount", PLATFORM_FEE.toPlainString());
        ArrayNode usage = plan.putArray("usageCharges");
        for (String meter : List.of("api_call", "storage_gb_hour")) {
            usage.addObject().put("meter", meter).putObject("model")
                    .put("kind", "per_unit").put("unitPrice", UNIT_PRICE.toPlainString());
        }
        ObjectNode tokens = usage.addObject().put("meter", "tokens").putObject("model").put("kind", "graduated");
        ArrayNode tiers = tokens.putArray("tiers");
        tiers.addObject().put("upTo", TOKENS_FIRST_TIER.toPlainString()).put("unitPrice", TOKENS_FIRST_PRICE.toPlainString());
        tiers.addObject().putNull("upTo").put("unitPrice", TOKENS_ABOVE_PRICE.toPlainString());
        plan.putNull("minimumSpend");
        return plan;
    }

    /** {@code POST /v1/meters} bodies, one per meter. */
    public static List<ObjectNode> meterBodies() {
        return METERS.stream().map(meter -> {
            ObjectNode body = JSON.createObjectNode().put("key", meter).put("name", meter).put("eventType", meter)
                    .put("aggregation", "sum").put("valueProperty", "value");
            body.putArray("groupBy");
            return body;
        }).toList();
    }

    /** The amount of one usage line in cents, rounded once half-up. */
    public static long usageMinor(String meter, BigDecimal quantity) {
        BigDecimal amount = switch (meter) {
            case "tokens" -> quantity.min(TOKENS_FIRST_TIER).multiply(TOKENS_FIRST_PRICE)
                    .add(quantity.subtract(TOKENS_FIRST_TIER).max(BigDecimal.ZERO).multiply(TOKENS_ABOVE_PRICE));
            default -> quantity.multiply(UNIT_PRICE);
        };
        return cents(amount);
    }

    /** The flat fees of a whole period in cents (a subscription that starts with the period pays them in full). */
    public static long flatFeesMinor() {
        return cents(PLATFORM_FEE);
    }

    /** Expected invoice total per customer in cents, from the expected quantity per {@code customer/meter}. */
    public static Map<String, Long> totalsMinor(Map<String, BigDecimal> quantities) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        quantities.forEach((key, quantity) -> {
            int slash = key.indexOf('/');
            totals.merge(key.substring(0, slash), usageMinor(key.substring(slash + 1), quantity), Long::sum);
        });
        totals.replaceAll((customer, usage) -> usage + flatFeesMinor());
        return totals;
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }
}
