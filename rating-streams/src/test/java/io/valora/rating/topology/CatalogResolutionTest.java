package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.RatedCharge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group-by, filters, value paths, plan phases and customer time zones, through the whole topology. */
class CatalogResolutionTest {

    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");

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
    void splitsUsageIntoCanonicalGroupsReadFromNestedPaths() {
        rating.meter(Catalogs.meter("demo", "tokens", "llm", "sum", "$.usage.tokens", List.of("region", "model"), Map.of()));
        rating.plan(Catalogs.plan("demo", "basic", 1, Map.of("tokens", Catalogs.perUnit("0.001"))));
        rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "basic", 1));

        llm("a", "{\"model\":\"gpt 4\",\"region\":\"eu/west\",\"usage\":{\"tokens\":1000}}");
        llm("b", "{\"region\":\"eu/west\",\"model\":\"gpt 4\",\"usage\":{\"tokens\":500}}");
        llm("c", "{\"model\":\"small\",\"usage\":{\"tokens\":\"20\"}}");

        Map<String, RatedCharge> latest = rating.latest();
        String big = "model=gpt+4&region=eu%2Fwest";
        assertThat(latest).containsOnlyKeys(
                RatingDriver.key("sub-1", "tokens", big, "basic@1", "2026-11-01T00:00:00Z"),
                RatingDriver.key("sub-1", "tokens", "model=small", "basic@1", "2026-11-01T00:00:00Z"));
        RatedCharge gpt = latest.get(RatingDriver.key("sub-1", "tokens", big, "basic@1", "2026-11-01T00:00:00Z"));
        assertThat(gpt.getGroup()).isEqualTo(big);
        assertThat(gpt.getQuantity()).isEqualTo("1500");
        assertThat(gpt.getAmountMinor()).isEqualTo(150);
    }

    @Test
    void countsAnEventForEveryMeterWhoseFiltersItMatches() {
        rating.meter(Catalogs.meter("demo", "all_calls", "request", "count", null, List.of(), Map.of()));
        rating.meter(Catalogs.meter("demo", "eu_calls", "request", "count", null, List.of(), Map.of("geo.region", "eu", "ok", "true")));
        rating.meter(Catalogs.meter("demo", "big_calls", "request", "count", null, List.of(), Map.of("size", "3")));
        rating.plan(Catalogs.plan("demo", "basic", 1, Map.of("all_calls", Catalogs.perUnit("1"),
                "eu_calls", Catalogs.perUnit("10"), "big_calls", Catalogs.perUnit("100"))));
        rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "basic", 1));

        request("eu-ok", "{\"geo\":{\"region\":\"eu\"},\"ok\":true,\"size\":3}");
        request("eu-failed", "{\"geo\":{\"region\":\"eu\"},\"ok\":false}");
        request("us", "{\"geo\":{\"region\":\"us\"},\"ok\":true}");

        Map<String, RatedCharge> latest = rating.latest();
        assertThat(latest.get(RatingDriver.key("sub-1", "all_calls", "2026-11-01T00:00:00Z")).getQuantity()).isEqualTo("3");
        assertThat(latest.get(RatingDriver.key("sub-1", "eu_calls", "2026-11-01T00:00:00Z")).getQuantity()).isEqualTo("1");
        assertThat(latest.get(RatingDriver.key("sub-1", "big_calls", "2026-11-01T00:00:00Z")).getAmountMinor()).isEqualTo(10000);
        assertThat(rating.rejected.isEmpty()).isTrue();
    }

    @Test
    void pricesEachPartOfAPeriodWithThePlanInForceAtTheEventsTime() {
        Instant change = Instant.parse("2026-11-15T12:00:00Z");
        rating.meter(Catalogs.meter("demo", "api_call", "api_call", "sum", "value", List.of(), Map.of()));
        rating.plan(Catalogs.plan("demo", "basic", 1, Map.of("api_call", Catalogs.perUnit("0.01"))));
        rating.plan(Catalogs.plan("demo", "pro", 3, Map.of("api_call", Catalogs.tiered("graduated", "100", "0", null, "0.02"))));
        rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "UTC", Catalogs.EPOCH_2020, null, List.of(
                Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, change), Catalogs.phase("pro", 3, change, null))));

        rating.send("before", "cust-1", change.minusMillis(1), "150");
        rating.send("after", "cust-1", change, "150");
        rating.send("after-2", "cust-1", change.plusSeconds(3600), "50");

        Map<String, RatedCharge> latest = rating.latest();
        RatedCharge basic = latest.get(RatingDriver.key("sub-1", "api_call", "-", "basic@1", "2026-11-01T00:00:00Z"));
        RatedCharge pro = latest.get(RatingDriver.key("sub-1", "api_call", "-", "pro@3", "2026-11-01T00:00:00Z"));
        assertThat(latest).hasSize(2);
        assertThat(basic.getAmountMinor()).isEqualTo(150); // 150 × 0.01
        assertThat(pro.getQuantity()).isEqualTo("200");
        assertThat(pro.getAmountMinor()).isEqualTo(200); // first 100 free in pro's tiers, 100 × 0.02
        assertThat(pro.getPlan()).isEqualTo("pro");
        assertThat(pro.getPlanVersion()).isEqualTo(3);
        assertThat(pro.getPeriodStart()).isEqualTo(basic.getPeriodStart());
    }

    @Test
    void cutsPeriodsAtLocalMidnightOfTheCustomersZoneAcrossTheEndOfDaylightSavingTime() {
        rating.meter(Catalogs.meter("demo", "api_call", "api_call", "sum", "value", List.of(), Map.of()));
        rating.plan(Catalogs.plan("demo", "basic", 1, Map.of("api_call", Catalogs.perUnit("1"))));
        rating.subscription(Catalogs.subscription("demo", "sub-b", "cust-berlin", "Europe/Berlin", Catalogs.EPOCH_2020, null,
                List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, null))));

        // Berlin leaves summer time on 2026-10-25: October starts at 22:00Z (UTC+2) and ends at 23:00Z (UTC+1)
        rating.send("first-of-oct", "cust-berlin", Instant.parse("2026-09-30T22:00:00Z"), "1");
        rating.send("last-of-oct", "cust-berlin", Instant.parse("2026-10-31T22:59:59.999Z"), "2");
        rating.send("first-of-nov", "cust-berlin", Instant.parse("2026-10-31T23:00:00Z"), "4");

        Map<String, RatedCharge> latest = rating.latest();
        RatedCharge october = latest.get(RatingDriver.key("sub-b", "api_call", "2026-09-30T22:00:00Z"));
        RatedCharge november = latest.get(RatingDriver.key("sub-b", "api_call", "2026-10-31T23:00:00Z"));
        assertThat(october.getQuantity()).isEqualTo("3");
        assertThat(october.getPeriodEnd()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(Duration.between(october.getPeriodStart(), october.getPeriodEnd())).isEqualTo(Duration.ofDays(31).plusHours(1));
        assertThat(november.getQuantity()).isEqualTo("4");
        assertThat(november.getPeriodEnd()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    }

    @Test
    void billsLateUsageOfAnEarlierPhaseAsAnAdjustmentPricedWithThatPhasesPlan() {
        Instant change = Instant.parse("2026-11-01T00:00:00Z");
        rating.meter(Catalogs.meter("demo", "api_call", "api_call", "sum", "value", List.of(), Map.of()));
        rating.plan(Catalogs.plan("demo", "basic", 1, Map.of("api_call", Catalogs.perUnit("0.01"))));
        rating.plan(Catalogs.plan("demo", "pro", 1, Map.of("api_call", Catalogs.perUnit("1"))));
        rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "UTC", Catalogs.EPOCH_2020, null, List.of(
                Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, change), Catalogs.phase("pro", 1, change, null))));

        rating.send("oct", "cust-1", Instant.parse("2026-10-20T00:00:00Z"), "100");
        rating.send("nov", "cust-1", Instant.parse("2026-11-03T00:00:00Z"), "1"); // closes October
        rating.send("late", "cust-1", Instant.parse("2026-10-21T00:00:00Z"), "50");

        Map<String, RatedCharge> latest = rating.latest();
        String adjustmentKey = RatingDriver.key("sub-1", "api_call", "-", "basic@1", "2026-11-01T00:00:00Z")
                + "/adjustment-of/" + Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        RatedCharge adjustment = latest.get(adjustmentKey);
        assertThat(adjustment.getAmountMinor()).isEqualTo(50); // 50 × 0.01, basic's price, not pro's
        assertThat(adjustment.getPeriodStart()).isEqualTo(change);
        assertThat(adjustment.getAdjustmentOf()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(latest.get(RatingDriver.key("sub-1", "api_call", "-", "basic@1", "2026-10-01T00:00:00Z")).getFinal$()).isTrue();
    }

    private void llm(String id, String data) {
        rating.send(RatingDriver.event("demo", id, "cust-1", "llm", NOV, data));
    }

    private void request(String id, String data) {
        rating.send(RatingDriver.event("demo", id, "cust-1", "request", NOV, data));
    }
}
