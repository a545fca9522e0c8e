package io.valora.bench.rating;

import io.valora.billing.money.Money;
import io.valora.billing.pricing.Graduated;
import io.valora.billing.pricing.PriceModel;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.billing.pricing.Tier;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.UsageEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

/**
 * Who and what the benchmark bills: one tenant, one meter counting {@code value} of
 * {@code api_call} events, one graduated plan, and two disjoint sets of customers — the
 * throughput customers (pre-produced events, spread round-robin) and the latency customers
 * (paced events; fresh, so each charge's {@code eventCount} says exactly which of their events it
 * includes).
 *
 * <p>Every event carries {@code value = 1}, so a customer's period-to-date quantity equals its
 * event count and the expected amount follows from the plan alone.
 *
 * @param runId           makes event ids unique per run (the topology de-duplicates on them)
 * @param customers       throughput customers
 * @param latencyCustomers latency customers
 */
record Workload(String runId, int customers, int latencyCustomers) {

    static final String TENANT = "bench";
    static final String METER = "api-calls";
    static final String EVENT_TYPE = "api_call";
    static final String VALUE_PROPERTY = "value";
    static final String PLAN = "bench-graduated";
    static final int PLAN_VERSION = 1;
    static final String CURRENCY = "USD";
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final String DATA = "{\"" + VALUE_PROPERTY + "\":1}";

    /** Three tiers, so a busy customer's re-pricing walks more than one. */
    static PriceModel priceModel() {
        return Graduated.of(
                Tier.upTo("50", Money.of("0.0100", CURRENCY)),
                Tier.upTo("100", Money.of("0.0080", CURRENCY)),
                Tier.unbounded(Money.of("0.0050", CURRENCY)));
    }

    /** What a charge of {@code quantity} units must amount to, in minor units. */
    static long expectedAmountMinor(BigDecimal quantity) {
        return new RatingPolicy(Currency.getInstance(CURRENCY), ROUNDING).rate(priceModel(), quantity).toMinorUnits();
    }

    static String customer(int index) {
        return String.format(Locale.ROOT, "cust-%06d", index);
    }

    static String latencyCustomer(int index) {
        return String.format(Locale.ROOT, "lat-%06d", index);
    }

    static String subscription(String customer) {
        return "sub-" + customer;
    }

    /** The index of a latency customer, or -1 for any other customer. */
    static int latencyIndex(String customer) {
        return customer.startsWith("lat-") ? Integer.parseInt(customer.substring(4)) : -1;
    }

    static String key(UsageEvent event) {
        return RecordKeys.usage(event.getTenant(), event.getSubject());
    }

    /**
     * One event of value 1. {@code phase} keeps ids of different phases apart: the topology
     * de-duplicates on the id, so a reused id would silently not count.
     */
    UsageEvent event(String customer, String phase, long sequence, Instant time) {
        return UsageEvent.newBuilder()
                .setTenant(TENANT)
                .setId(runId + "-" + phase + "-" + sequence)
                .setSource("valora-bench")
                .setType(EVENT_TYPE)
                .setSubject(customer)
                .setTime(time)
                .setData(DATA)
                .setReceivedAt(time)
                .build();
    }

    /** Events the pre-produced phase gives throughput customer {@code index} out of {@code total}. */
    long eventsOf(int index, long total) {
        return total / customers + (index < total % customers ? 1 : 0);
    }
}
