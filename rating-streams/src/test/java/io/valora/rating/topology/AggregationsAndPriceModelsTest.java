package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.RatedCharge;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every billing-core aggregation and every price model of a plan, through the whole topology. */
class AggregationsAndPriceModelsTest {

    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");
    private static final String PERIOD = "2026-11-01T00:00:00Z";

    @TempDir
    java.nio.file.Path stateDir;

    private RatingDriver rating;

    @BeforeEach
    void start() {
        rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir);
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void aggregatesEachMeterWithItsOwnAggregationOverThePeriod() {
        Map<String, PriceModelSpec> prices = new LinkedHashMap<>();
        for (String aggregation : List.of("sum", "count", "max", "min", "latest", "unique_count")) {
            String valueProperty = aggregation.equals("unique_count") ? "user" : aggregation.equals("count") ? null : "value";
            rating.meter(Catalogs.meter("demo", aggregation, "seats", aggregation, valueProperty, List.of(), Map.of()));
            prices.put(aggregation, Catalogs.perUnit("1.00"));
        }
        rating.plan(Catalogs.plan("demo", "basic", 1, prices));
        rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "basic", 1));

        // arrival order differs from event time: latest must follow event time
        seats("a", NOV.plusSeconds(30), "3.5", "alice");
        seats("b", NOV.plusSeconds(90), "2", "bob");
        seats("c", NOV, "1", "alice");
        seats("d", NOV.plusSeconds(60), "0.50", "carol");

        Map<String, RatedCharge> latest = rating.latest();
        assertThat(quantity(latest, "sum")).isEqualTo("7.00");
        assertThat(quantity(latest, "count")).isEqualTo("4");
        assertThat(quantity(latest, "max")).isEqualTo("3.5");
        assertThat(quantity(latest, "min")).isEqualTo("0.50");
        assertThat(quantity(latest, "latest")).isEqualTo("2");
        assertThat(quantity(latest, "unique_count")).isEqualTo("3");
        assertThat(latest.get(RatingDriver.key("sub-1", "unique_count", PERIOD)).getAmountMinor()).isEqualTo(300);
        assertThat(latest.get(RatingDriver.key("sub-1", "max", PERIOD)).getAmountMinor()).isEqualTo(350);
        assertThat(latest.values()).allSatisfy(c -> assertThat(c.getEventCount()).isEqualTo(4));
    }

    @Test
    void pricesThePeriodToDateQuantityWithEachModelOfThePlan() {
        Map<String, PriceModelSpec> prices = new LinkedHashMap<>();
        prices.put("per_unit", Catalogs.perUnit("0.01"));
        prices.put("package", Catalogs.packaged("100", "5"));
        prices.put("graduated", Catalogs.tiered("graduated", "1000", "0.01", null, "0.005"));
        prices.put("volume", Catalogs.tiered("volume", "1000", "0.01", null, "0.005"));
        prices.put("flat", Catalogs.flat("49"));
        prices.put("free_units", PriceModelSpec.newBuilder(Catalogs.perUnit("0.01")).setFreeUnits("1000").build());
        prices.put("minimum", PriceModelSpec.newBuilder(Catalogs.perUnit("0.01")).setMinimum("20").build());
        prices.forEach((meter, spec) -> rating.meter(Catalogs.meter("demo", meter, "tokens", "sum", "value", List.of(), Map.of())));
        rating.plan(Catalogs.plan("demo", "basic", 1, prices));
        rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "basic", 1));

        rating.send(RatingDriver.event("demo", "e1", "cust-1", "tokens", NOV, "{\"value\":700}"));
        Map<String, Long> afterFirst = amounts(rating.latest());
        rating.send(RatingDriver.event("demo", "e2", "cust-1", "tokens", NOV.plusSeconds(1), "{\"value\":501}"));
        Map<String, RatedCharge> second = rating.latest();
        Map<String, Long> afterSecond = amounts(second);

        // 700 units
        assertThat(afterFirst).containsEntry("per_unit", 700L).containsEntry("package", 3500L)
                .containsEntry("graduated", 700L).containsEntry("volume", 700L).containsEntry("flat", 4900L)
                .containsEntry("free_units", 0L).containsEntry("minimum", 2000L);
        // 1201 units: the whole period re-priced, tiers crossed once
        assertThat(afterSecond)
                .containsEntry("per_unit", 1201L) // 12.01
                .containsEntry("package", 6500L) // 13 started packages × 5
                .containsEntry("graduated", 1101L) // 1000 × 0.01 + 201 × 0.005 = 11.005 → 11.01
                .containsEntry("volume", 601L) // 1201 × 0.005 = 6.005 → 6.01 (HALF_UP)
                .containsEntry("flat", 4900L)
                .containsEntry("free_units", 201L) // 201 × 0.01
                .containsEntry("minimum", 2000L); // 12.01 < 20
        assertThat(second.get(RatingDriver.key("sub-1", "graduated", PERIOD)).getUnitPrice()).as("no single unit price for tiers").isEmpty();
        assertThat(second.get(RatingDriver.key("sub-1", "per_unit", PERIOD)).getUnitPrice()).isEqualTo("0.01");
    }

    private void seats(String id, Instant time, String value, String user) {
        rating.send(RatingDriver.event("demo", id, "cust-1", "seats", time,
                "{\"value\":" + value + ",\"user\":\"" + user + "\"}"));
    }

    private static String quantity(Map<String, RatedCharge> latest, String meter) {
        return latest.get(RatingDriver.key("sub-1", meter, PERIOD)).getQuantity();
    }

    private static Map<String, Long> amounts(Map<String, RatedCharge> latest) {
        Map<String, Long> byMeter = new LinkedHashMap<>();
        latest.values().forEach(c -> byMeter.put(c.getMeter(), c.getAmountMinor()));
        return byMeter;
    }
}
