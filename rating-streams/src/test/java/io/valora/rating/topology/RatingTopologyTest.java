package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.money.Money;
import io.valora.billing.period.BillingCalendar;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingTopologyTest {

    private static final Topics TOPICS = Topics.unprefixed();
    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, UsageEvent> usage;
    private TestOutputTopic<String, RatedCharge> charges;
    private TestOutputTopic<String, UsageEvent> rejections;

    @BeforeEach
    void start() {
        driver = driverFor(settings("0.0015"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void sumsAndPricesPerCustomerMeterAndPeriod() {
        send(event("e1", "cust-1", "api_call", NOV, "1000"));
        send(event("e2", "cust-1", "api_call", NOV.plusSeconds(60), "234.5"));
        send(event("e3", "cust-2", "api_call", NOV, "10"));

        Map<String, RatedCharge> latest = charges.readKeyValuesToMap();
        RatedCharge cust1 = latest.get("demo/cust-1/api_call/2026-11-01T00:00:00Z");
        assertThat(cust1.getQuantity()).isEqualTo("1234.5");
        // 1234.5 × 0.0015 = 1.85175 USD → 185 cents (HALF_UP)
        assertThat(cust1.getAmountMinor()).isEqualTo(185);
        assertThat(cust1.getCurrency()).isEqualTo("USD");
        assertThat(cust1.getSequence()).isEqualTo(2);
        assertThat(cust1.getEventCount()).isEqualTo(2);
        assertThat(cust1.getPeriodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(cust1.getPeriodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(latest.get("demo/cust-2/api_call/2026-11-01T00:00:00Z").getAmountMinor()).isEqualTo(2);
    }

    @Test
    void dropsAndCountsDuplicateEventIds() {
        send(event("e1", "cust-1", "api_call", NOV, "5"));
        send(event("e1", "cust-1", "api_call", NOV, "5"));
        send(event("e1", "cust-1", "api_call", NOV.plusSeconds(3600), "5"));

        List<RatedCharge> updates = charges.readValuesToList();
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getQuantity()).isEqualTo("5");
        assertThat(duplicates).hasValue(2);
    }

    @Test
    void refusesAnEventOlderThanTheDedupRetentionInsteadOfRiskingADoubleCharge() {
        send(event("new", "cust-1", "api_call", NOV, "1"));
        send(event("old", "cust-1", "api_call", NOV.minus(Duration.ofDays(35)).minusMillis(1), "5"));
        send(event("old", "cust-1", "api_call", NOV.minus(Duration.ofDays(35)).minusMillis(1), "5")); // its retry
        send(event("edge", "cust-1", "api_call", NOV.minus(Duration.ofDays(35)), "2")); // exactly the retention: kept

        assertThat(rejections.readRecordsToList()).extracting(r -> r.value().getId(), RatingTopologyTest::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("old", "event time is older than the de-duplication retention "
                                + "(PT840H) behind the newest usage; re-process it deliberately if it is genuine"),
                        org.assertj.core.groups.Tuple.tuple("old", "event time is older than the de-duplication retention "
                                + "(PT840H) behind the newest usage; re-process it deliberately if it is genuine"));
        assertThat(charges.readValuesToList()).extracting(RatedCharge::getQuantity).containsExactly("1", "2");
        assertThat(rejected).hasValue(2);
    }

    @Test
    void keepsTheSameIdOfAnotherTenantApart() {
        send(event("e1", "cust-1", "api_call", NOV, "5"));
        UsageEvent other = event("e1", "cust-1", "api_call", NOV, "7");
        other.setTenant("other");
        send(other);

        assertThat(charges.readKeyValuesToMap()).containsKeys(
                "demo/cust-1/api_call/2026-11-01T00:00:00Z", "other/cust-1/api_call/2026-11-01T00:00:00Z");
        assertThat(duplicates).hasValue(0);
    }

    @Test
    void cutsPeriodsAtMonthBoundariesInUtc() {
        send(event("last", "cust-1", "api_call", Instant.parse("2026-10-31T23:59:59.999Z"), "1"));
        send(event("first", "cust-1", "api_call", Instant.parse("2026-11-01T00:00:00Z"), "1"));

        assertThat(charges.readKeyValuesToMap()).containsOnlyKeys(
                "demo/cust-1/api_call/2026-10-01T00:00:00Z", "demo/cust-1/api_call/2026-11-01T00:00:00Z");
    }

    @Test
    void sendsUnmeasurableEventsToTheRejectedTopicWithAReason() {
        send(event("bad-1", "cust-1", "api_call", NOV, "\"lots\""));
        send(event("bad-2", "cust-1", "api_call", NOV, "-4"));
        UsageEvent missing = event("bad-3", "cust-1", "api_call", NOV, "1");
        missing.setData("{\"other\":1}");
        send(missing);

        List<TestRecord<String, UsageEvent>> refused = rejections.readRecordsToList();
        assertThat(refused).extracting(r -> r.value().getId()).containsExactly("bad-1", "bad-2", "bad-3");
        assertThat(refused).extracting(RatingTopologyTest::reason).containsExactly(
                "data.value: quantity is not a decimal number: 'lots' (use a plain number such as 12.5, no separators or units)",
                "data.value: quantity must not be negative, got -4 (report corrections as adjustments, not as negative usage)",
                "data.value is missing");
        assertThat(charges.isEmpty()).isTrue();
        assertThat(rejected).hasValue(3);
    }

    @Test
    void givesTheSameChargeForEventsInAnyOrder() {
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(event("e" + i, "cust-" + (i % 3), "api_call", NOV.plusSeconds(i), "0." + (i % 10) + "7"));
        }
        Map<String, RatedCharge> inOrder = rate(events);
        List<UsageEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.addAll(events.subList(0, 20)); // and some duplicates

        Map<String, RatedCharge> reordered = rate(shuffled);

        assertThat(reordered.keySet()).isEqualTo(inOrder.keySet());
        inOrder.forEach((key, charge) -> {
            assertThat(reordered.get(key).getQuantity()).isEqualTo(charge.getQuantity());
            assertThat(reordered.get(key).getAmountMinor()).isEqualTo(charge.getAmountMinor());
            assertThat(reordered.get(key).getEventCount()).isEqualTo(charge.getEventCount());
        });
    }

    @Test
    void namesEveryProcessorStoreAndTopic() {
        String description = topology(settings("1")).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-").doesNotContain("KSTORE-");
        assertThat(description).contains(ResourceNames.DEDUP_STORE, ResourceNames.CHARGES_STORE, ResourceNames.BY_PERIOD + "-repartition",
                ResourceNames.LATE_USAGE_STORE, ResourceNames.HOURLY_USAGE_STORE);
    }

    private Map<String, RatedCharge> rate(List<UsageEvent> events) {
        driver.close();
        driver = driverFor(settings("0.0015"));
        events.forEach(this::send);
        return charges.readKeyValuesToMap();
    }

    private TopologyTestDriver driverFor(RatingSettings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rating-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("s" + System.nanoTime()).toString());
        TopologyTestDriver testDriver = new TopologyTestDriver(topology(settings), props);
        usage = testDriver.createInputTopic(TOPICS.usageEvents(), Serdes.String().serializer(),
                RecordSerde.singleObject(UsageEvent.class).serializer());
        charges = testDriver.createOutputTopic(TOPICS.ratedCharges(), Serdes.String().deserializer(),
                RecordSerde.singleObject(RatedCharge.class).deserializer());
        rejections = testDriver.createOutputTopic(TOPICS.usageEventsRejected(), Serdes.String().deserializer(),
                RecordSerde.singleObject(UsageEvent.class).deserializer());
        return testDriver;
    }

    private Topology topology(RatingSettings settings) {
        RatingMetrics counting = new RatingMetrics() {
            @Override
            public void duplicateDropped() {
                duplicates.incrementAndGet();
            }

            @Override
            public void eventRejected() {
                rejected.incrementAndGet();
            }
        };
        // In-memory stores: this suite drives hundreds of records, and TopologyTestDriver flushes
        // RocksDB after each one. The other suites keep RocksDB, the production store.
        Properties inMemory = new Properties();
        inMemory.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
                org.apache.kafka.streams.state.BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        return RatingTopology.build(TOPICS, settings, counting, inMemory);
    }

    private static RatingSettings settings(String unitPrice) {
        return new RatingSettings("value", new PerUnit(Money.of(unitPrice, "USD")),
                RatingPolicy.of(java.util.Currency.getInstance("USD")), BillingCalendar.monthly(ZoneOffset.UTC), Duration.ofDays(35));
    }

    private void send(UsageEvent event) {
        usage.pipeInput(event.getTenant() + "/" + event.getSubject(), event);
    }

    private static UsageEvent event(String id, String customer, String type, Instant time, String valueJson) {
        return UsageEvent.newBuilder()
                .setTenant("demo").setId(id).setSource("test").setType(type).setSubject(customer)
                .setTime(time).setData("{\"value\":" + valueJson + "}").setReceivedAt(time).build();
    }

    private static String reason(TestRecord<String, UsageEvent> record) {
        return new String(record.headers().lastHeader(ResourceNames.REJECT_REASON_HEADER).value(), StandardCharsets.UTF_8);
    }
}
