package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.model.RejectReason;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** De-duplication, rejection and period keys of the rating topology, with the catalog on its topics. */
class RatingTopologyTest {

    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");
    private static final String SUB1_NOV = RatingDriver.key("sub-cust-1", "api_call", "2026-11-01T00:00:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    private final AtomicInteger duplicates = new AtomicInteger();
    private final Map<RejectReason, Integer> rejected = new ConcurrentHashMap<>();
    private RatingDriver rating;

    @BeforeEach
    void start() {
        rating = newDriver();
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void sumsAndPricesPerSubscriptionMeterAndPeriod() {
        rating.send("e1", "cust-1", NOV, "1000");
        rating.send("e2", "cust-1", NOV.plusSeconds(60), "234.5");
        rating.send("e3", "cust-2", NOV, "10");

        Map<String, RatedCharge> latest = rating.latest();
        RatedCharge cust1 = latest.get(SUB1_NOV);
        assertThat(cust1.getQuantity()).isEqualTo("1234.5");
        // 1234.5 × 0.0015 = 1.85175 USD → 185 cents (HALF_UP)
        assertThat(cust1.getAmountMinor()).isEqualTo(185);
        assertThat(cust1.getCurrency()).isEqualTo("USD");
        assertThat(cust1.getUnitPrice()).isEqualTo("0.0015");
        assertThat(cust1.getSequence()).isEqualTo(2);
        assertThat(cust1.getEventCount()).isEqualTo(2);
        assertThat(cust1.getSubscription()).isEqualTo("sub-cust-1");
        assertThat(cust1.getCustomer()).isEqualTo("cust-1");
        assertThat(cust1.getMeter()).isEqualTo("api_call");
        assertThat(cust1.getGroup()).isNull();
        assertThat(cust1.getPlan()).isEqualTo("basic");
        assertThat(cust1.getPlanVersion()).isEqualTo(1);
        assertThat(cust1.getAdjustmentOf()).isNull();
        assertThat(cust1.getPeriodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(cust1.getPeriodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(latest.get(RatingDriver.key("sub-cust-2", "api_call", "2026-11-01T00:00:00Z")).getAmountMinor()).isEqualTo(2);
    }

    @Test
    void dropsAndCountsDuplicateEventIds() {
        rating.send("e1", "cust-1", NOV, "5");
        rating.send("e1", "cust-1", NOV, "5");
        rating.send("e1", "cust-1", NOV.plusSeconds(3600), "5");

        List<RatedCharge> updates = rating.charges.readValuesToList();
        assertThat(updates).extracting(RatedCharge::getQuantity).containsExactly("5");
        assertThat(duplicates).hasValue(2);
    }

    @Test
    void dropsARetryThatCarriesAnotherEventTimeAnywhereWithinTheRetention() {
        rating.send("e1", "cust-1", NOV, "5");
        rating.send("e2", "cust-1", NOV.plus(Duration.ofDays(20)), "1"); // moves stream time on
        rating.send("e1", "cust-1", NOV.plus(Duration.ofDays(30)), "5"); // a retry stamped 30 days later
        rating.send("e3", "cust-1", NOV.plus(Duration.ofDays(34)), "1");
        rating.send("e1", "cust-1", NOV.plus(Duration.ofDays(1)), "5"); // and one stamped a day after the original

        assertThat(duplicates).hasValue(2);
        // e1 counted once: 5 + 1 + 1 over whichever periods the three events fell in
        Map<String, RatedCharge> latest = rating.latest();
        assertThat(latest.values().stream().mapToLong(RatedCharge::getEventCount).sum()).isEqualTo(3);
        assertThat(latest.values().stream().map(c -> new BigDecimal(c.getQuantity())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("7");
    }

    @Test
    void refusesAnEventOlderThanTheDedupRetentionInsteadOfRiskingADoubleCharge() {
        rating.send("new", "cust-1", NOV, "1");
        rating.send("old", "cust-1", NOV.minus(Duration.ofDays(35)).minusMillis(1), "5");
        rating.send("old", "cust-1", NOV.minus(Duration.ofDays(35)).minusMillis(1), "5"); // its retry
        rating.send("edge", "cust-1", NOV.minus(Duration.ofDays(35)), "2"); // exactly the retention: kept

        assertThat(rating.rejected.readRecordsToList())
                .extracting(r -> r.value().getId(), r -> RatingDriver.header(r, ResourceNames.REJECT_CODE_HEADER))
                .containsExactly(tuple("old", "too-old"), tuple("old", "too-old"));
        assertThat(rating.charges.readValuesToList()).extracting(RatedCharge::getQuantity).containsExactly("1", "2");
        assertThat(rejected).containsEntry(RejectReason.TOO_OLD, 2);
    }

    @Test
    void keepsTheSameIdOfAnotherTenantApart() {
        rating.meter(Catalogs.meter("other", "api_call", "api_call", "sum", "value", List.of(), Map.of()));
        rating.plan(Catalogs.plan("other", "basic", 1, Map.of("api_call", Catalogs.perUnit("1"))));
        rating.subscription(Catalogs.subscription("other", "sub-cust-1", "cust-1", "basic", 1));
        rating.send("e1", "cust-1", NOV, "5");
        rating.send(RatingDriver.event("other", "e1", "cust-1", "api_call", NOV, "{\"value\":7}"));

        Map<String, RatedCharge> latest = rating.latest();
        assertThat(latest).containsKeys(SUB1_NOV, "other" + SUB1_NOV.substring("demo".length()));
        assertThat(latest.get("other" + SUB1_NOV.substring("demo".length())).getAmountMinor()).isEqualTo(700);
        assertThat(duplicates).hasValue(0);
    }

    @Test
    void cutsPeriodsAtMonthBoundariesInTheSubscriptionsZone() {
        rating.send("last", "cust-1", Instant.parse("2026-10-31T23:59:59.999Z"), "1");
        rating.send("first", "cust-1", Instant.parse("2026-11-01T00:00:00Z"), "1");

        assertThat(rating.latest()).containsOnlyKeys(
                RatingDriver.key("sub-cust-1", "api_call", "2026-10-01T00:00:00Z"), SUB1_NOV);
    }

    @Test
    void rejectsEveryUnratableEventWithItsReasonAndRatesNothingOfIt() {
        rating.meter(Catalogs.meter("demo", "unpriced", "unpriced_type", "sum", "value", List.of(), Map.of()));
        rating.meter(Catalogs.meter("demo", "bad_agg", "bad_agg_type", "median", "value", List.of(), Map.of()));
        rating.plan(Catalogs.plan("demo", "broken", 1, Map.of("api_call", Catalogs.perUnit("free"))));
        rating.subscription(Catalogs.subscription("demo", "sub-ended", "cust-ended", "UTC", Catalogs.EPOCH_2020,
                Instant.parse("2026-01-01T00:00:00Z"), List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, null))));
        rating.subscription(Catalogs.subscription("demo", "sub-gap", "cust-gap", "UTC", Catalogs.EPOCH_2020, null,
                List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, Instant.parse("2026-01-01T00:00:00Z")))));
        rating.subscription(Catalogs.subscription("demo", "sub-v9", "cust-v9", "basic", 9));
        rating.subscription(Catalogs.subscription("demo", "sub-broken", "cust-broken", "broken", 1));
        rating.subscription(Catalogs.subscription("demo", "sub-zone", "cust-zone", "Mars/Olympus", Catalogs.EPOCH_2020, null,
                List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, null))));

        send("no-data", "cust-1", "api_call", "[1,2]");
        send("no-meter", "cust-1", "unknown_type", "{\"value\":1}");
        send("bad-meter", "cust-1", "bad_agg_type", "{\"value\":1}");
        send("no-sub", "nobody", "api_call", "{\"value\":1}");
        send("ended", "cust-ended", "api_call", "{\"value\":1}");
        send("bad-zone", "cust-zone", "api_call", "{\"value\":1}");
        send("gap", "cust-gap", "api_call", "{\"value\":1}");
        send("no-plan", "cust-v9", "api_call", "{\"value\":1}");
        send("no-price", "cust-1", "unpriced_type", "{\"value\":1}");
        send("bad-price", "cust-broken", "api_call", "{\"value\":1}");
        send("missing", "cust-1", "api_call", "{\"other\":1}");
        send("words", "cust-1", "api_call", "{\"value\":\"lots\"}");
        send("negative", "cust-1", "api_call", "{\"value\":-4}");

        List<TestRecord<String, UsageEvent>> refused = rating.rejected.readRecordsToList();
        assertThat(refused).extracting(r -> r.value().getId(), r -> RatingDriver.header(r, ResourceNames.REJECT_CODE_HEADER))
                .containsExactly(
                        tuple("no-data", "invalid-data"), tuple("no-meter", "no-meter"), tuple("bad-meter", "invalid-meter"),
                        tuple("no-sub", "no-subscription"), tuple("ended", "subscription-not-active"),
                        tuple("bad-zone", "invalid-subscription"), tuple("gap", "no-plan-phase"),
                        tuple("no-plan", "plan-not-found"), tuple("no-price", "no-price"),
                        tuple("bad-price", "invalid-price"), tuple("missing", "value-missing"),
                        tuple("words", "value-invalid"), tuple("negative", "value-invalid"));
        assertThat(RatingDriver.header(refused.get(11), ResourceNames.REJECT_REASON_HEADER))
                .startsWith("value-invalid: data.value: quantity is not a decimal number: 'lots'");
        assertThat(refused).allSatisfy(r -> assertThat(r.key()).isEqualTo("demo/" + r.value().getSubject()));
        assertThat(rating.charges.isEmpty()).isTrue();
        assertThat(rejected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(13);
        assertThat(rejected).containsEntry(RejectReason.VALUE_INVALID, 2);
    }

    @Test
    void ratesARejectedEventOnceItIsRepublishedAfterTheCatalogCaughtUp() {
        rating.send("early", "cust-new", NOV, "100");
        assertThat(rating.rejected.readValuesToList()).extracting(UsageEvent::getId).containsExactly("early");

        rating.subscription(Catalogs.subscription("demo", "sub-new", "cust-new", "basic", 1));
        rating.send("early", "cust-new", NOV, "100"); // what RejectedEventsReplay does
        rating.send("early", "cust-new", NOV, "100"); // and a second replay is a duplicate

        assertThat(rating.latest().get(RatingDriver.key("sub-new", "api_call", "2026-11-01T00:00:00Z")).getQuantity())
                .isEqualTo("100");
        assertThat(rating.charges.isEmpty()).isTrue();
        assertThat(duplicates).hasValue(1);
    }

    @Test
    void findsTheSubscriptionByItsExternalIdWhenTheSubjectIsNoCustomer() {
        rating.subscription(io.valora.schemas.Subscription.newBuilder(Catalogs.subscription("demo", "sub_42", "cust-9", "basic", 1))
                .setExternalId("ext-42").build());

        rating.send("lago", "ext-42", NOV, "3");

        RatedCharge charge = rating.latest().get(RatingDriver.key("sub_42", "api_call", "2026-11-01T00:00:00Z"));
        assertThat(charge.getCustomer()).isEqualTo("cust-9");
        assertThat(charge.getQuantity()).isEqualTo("3");
    }

    @Test
    void ratesTheCustomersOwnUsageInPlaceAndMovesOnlyUsageSentUnderAnExternalId() {
        rating.subscription(io.valora.schemas.Subscription.newBuilder(Catalogs.subscription("demo", "sub_42", "cust-9", "basic", 1))
                .setExternalId("ext-42").build());
        String moved = "rating-test-" + ResourceNames.BY_CUSTOMER + "-repartition";

        rating.send("own", "cust-9", NOV, "2");
        assertThat(rating.driver.producedTopicNames()).doesNotContain(moved);
        rating.send("lago", "ext-42", NOV.plusSeconds(1), "3");

        assertThat(rating.driver.producedTopicNames()).contains(moved);
        RatedCharge charge = rating.latest().get(RatingDriver.key("sub_42", "api_call", "2026-11-01T00:00:00Z"));
        assertThat(charge.getQuantity()).isEqualTo("5");
        assertThat(charge.getEventCount()).isEqualTo(2);
    }

    @Test
    void givesTheSameChargeForEventsInAnyOrder() {
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(RatingDriver.event("demo", "e" + i, "cust-" + (i % 3), "api_call", NOV.plusSeconds(i),
                    "{\"value\":0." + (i % 10) + "7}"));
        }
        Map<String, RatedCharge> inOrder = rate(events);
        List<UsageEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.addAll(events.subList(0, 20)); // and some duplicates

        Map<String, RatedCharge> reordered = rate(shuffled);

        assertThat(reordered.keySet()).isEqualTo(inOrder.keySet()).hasSize(3);
        inOrder.forEach((key, charge) -> {
            assertThat(reordered.get(key).getQuantity()).isEqualTo(charge.getQuantity());
            assertThat(reordered.get(key).getAmountMinor()).isEqualTo(charge.getAmountMinor());
            assertThat(reordered.get(key).getEventCount()).isEqualTo(charge.getEventCount());
        });
    }

    @Test
    void namesEveryProcessorStoreAndTopic() {
        String description = RatingTopology.build(RatingDriver.TOPICS, RatingSettings.defaults(), RatingMetrics.NONE,
                new Properties()).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("KSTORE-");
        assertThat(description).contains(ResourceNames.DEDUP_STORE, ResourceNames.PERIOD_STATE_STORE,
                ResourceNames.BY_CUSTOMER + "-repartition", ResourceNames.PENDING_STORE, ResourceNames.HOURLY_USAGE_STORE,
                CatalogStores.METERS_STORE, CatalogStores.PLANS_STORE, CatalogStores.SUBSCRIPTIONS_STORE);
    }

    private Map<String, RatedCharge> rate(List<UsageEvent> events) {
        rating.close();
        rating = newDriver();
        events.forEach(rating::send);
        return rating.latest();
    }

    private RatingDriver newDriver() {
        RatingMetrics counting = new RatingMetrics() {
            @Override
            public void duplicateDropped() {
                duplicates.incrementAndGet();
            }

            @Override
            public void eventRejected(RejectReason reason) {
                rejected.merge(reason, 1, Integer::sum);
            }
        };
        return new RatingDriver(new RatingSettings(Duration.ofDays(35), Duration.ofHours(1)), stateDir, counting)
                .withPerUnitCatalog("0.0015", "cust-0", "cust-1", "cust-2");
    }

    private void send(String id, String subject, String type, String data) {
        rating.send(RatingDriver.event("demo", id, subject, type, NOV, data));
    }
}
