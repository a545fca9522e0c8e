package io.valora.bench.reliability;

import io.valora.bench.reliability.HarnessEvent.Phase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the pipeline must produce, computed from the scenario alone with the harness's own arithmetic
 * ({@link PriceRule}): every distinct event counted once, in the period of its time in the customer's zone, under
 * the plan in force then (basic, or pro after a plan change); previous-period usage sent after that period became
 * final billed as an adjustment on the current period, worth {@code rate(billed + late) - rate(billed)}, each side
 * rounded once.
 *
 * @param quantities   expected quantity per {@code tenant/customer/meter} over all periods and adjustments
 * @param eventCounts  expected distinct events per {@code tenant/customer/meter}
 * @param invoiceTotals expected invoice total in cents per {@code tenant/customer/periodStart}
 */
public record GroundTruth(Map<String, BigDecimal> quantities, Map<String, Long> eventCounts,
        Map<String, Long> invoiceTotals) {

    private record ChargeKey(String tenant, String customer, String meter, Instant periodStart, String plan) {
    }

    /** The truth of {@code distinct} (each event once, AFTER_CHANGE already placed in time). */
    public static GroundTruth of(Scenario scenario, List<HarnessEvent> distinct) {
        Map<String, HarnessCustomer> customers = scenario.customers().stream()
                .collect(Collectors.toMap(HarnessCustomer::key, Function.identity()));
        Map<ChargeKey, BigDecimal> onTime = new HashMap<>();
        Map<ChargeKey, BigDecimal> late = new HashMap<>();
        Map<String, Long> counts = new TreeMap<>();
        for (HarnessEvent event : distinct) {
            HarnessCustomer customer = customers.get(event.customerKey());
            Instant current = customer.currentPeriodStart(scenario.now());
            Instant period = event.time().isBefore(current) ? customer.previousPeriodStart(scenario.now()) : current;
            String plan = customer.changesPlan() && event.phase() == Phase.AFTER_CHANGE
                    ? HarnessCatalog.PRO : HarnessCatalog.BASIC;
            ChargeKey key = new ChargeKey(event.tenant(), event.customer(), event.meter(), period, plan);
            if (event.phase() == Phase.LATE) {
                late.merge(key, event.value(), BigDecimal::add);
            } else {
                onTime.merge(key, event.value(),
                        HarnessCatalog.MAX_METERS.contains(event.meter()) ? BigDecimal::max : BigDecimal::add);
            }
            counts.merge(event.customerKey() + "/" + event.meter(), 1L, Long::sum);
        }
        Map<String, BigDecimal> quantities = new TreeMap<>();
        Map<String, Long> totals = new TreeMap<>();
        onTime.forEach((key, quantity) -> {
            quantities.merge(key.tenant() + "/" + key.customer() + "/" + key.meter(), quantity, BigDecimal::add);
            totals.merge(key.tenant() + "/" + key.customer() + "/" + key.periodStart(),
                    HarnessCatalog.rule(key.plan(), key.meter()).minor(quantity), Long::sum);
        });
        late.forEach((key, quantity) -> {
            quantities.merge(key.tenant() + "/" + key.customer() + "/" + key.meter(), quantity, BigDecimal::add);
            PriceRule rule = HarnessCatalog.rule(key.plan(), key.meter());
            BigDecimal billed = onTime.getOrDefault(key, BigDecimal.ZERO);
            long adjustment = rule.minor(billed.add(quantity)) - rule.minor(billed);
            Instant next = customers.get(key.tenant() + "/" + key.customer()).currentPeriodStart(scenario.now());
            totals.merge(key.tenant() + "/" + key.customer() + "/" + next, adjustment, Long::sum);
        });
        quantities.replaceAll((k, q) -> canonical(q));
        return new GroundTruth(Map.copyOf(quantities), Map.copyOf(counts), Map.copyOf(totals));
    }

    /** One text form per value ({@code 1200}, {@code 0.5}), so quantities of different scales compare equal. */
    public static BigDecimal canonical(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
