package io.valora.bench.reliability;

import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code rated-charges} says per {@code tenant/customer/meter}, summed over the latest charge of every key
 * (period charges and adjustments): the side of the {@code charges} and {@code no-loss} checks that the pipeline
 * produced. The zero-priced probe meter is left out; it exists only to learn when rating knows the catalog.
 */
final class RatedTotals {

    private RatedTotals() {
    }

    static Map<String, BigDecimal> quantities(Map<String, RatedCharge> latest) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        latest.values().stream().filter(c -> !c.getMeter().equals(HarnessCatalog.PROBE)).forEach(c -> sums.merge(
                c.getTenant() + "/" + c.getCustomer() + "/" + c.getMeter(), new BigDecimal(c.getQuantity()), BigDecimal::add));
        sums.replaceAll((k, q) -> GroundTruth.canonical(q));
        return sums;
    }

    static Map<String, Long> eventCounts(Map<String, RatedCharge> latest) {
        Map<String, Long> counts = new TreeMap<>();
        latest.values().stream().filter(c -> !c.getMeter().equals(HarnessCatalog.PROBE)).forEach(c -> counts.merge(
                c.getTenant() + "/" + c.getCustomer() + "/" + c.getMeter(), c.getEventCount(), Long::sum));
        return counts;
    }
}
