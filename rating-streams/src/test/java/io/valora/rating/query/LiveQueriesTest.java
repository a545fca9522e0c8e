package io.valora.rating.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.catalog.Catalog;
import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.topology.Catalogs;
import io.valora.rating.topology.RatingTopology;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.Subscription;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live queries over the stores a real topology filled, driven with fixed instants. */
class LiveQueriesTest {

    @TempDir
    java.nio.file.Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, UsageEvent> usage;
    private LiveQueries queries;

    @BeforeEach
    void start() {
        RatingSettings settings = RatingSettings.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(RatingTopology.build(Topics.unprefixed(), settings, RatingMetrics.NONE, new Properties()), props);
        usage = driver.createInputTopic(Topics.unprefixed().usageEvents(), Serdes.String().serializer(),
                RecordSerde.singleObject(UsageEvent.class).serializer());
        writeCatalog();
        Catalog catalog = new Catalog(driver.getKeyValueStore(CatalogStores.METERS_STORE),
                driver.getKeyValueStore(CatalogStores.PLANS_STORE), driver.getKeyValueStore(CatalogStores.SUBSCRIPTIONS_STORE));
        queries = new LiveQueries(driver.getKeyValueStore(ResourceNames.PERIOD_STATE_STORE),
                driver.getWindowStore(ResourceNames.HOURLY_USAGE_STORE),
                catalog);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void listsTheOpenChargesOfOneCustomerOfTheCallersTenantOnly() {
        send("demo", "a", "cust-1", "api_call", "2026-10-20T10:00:00Z", "100");
        send("demo", "b", "cust-1", "api_call", "2026-11-02T10:00:00Z", "250");
        send("demo", "c", "cust-1", "storage_gb", "2026-11-02T11:00:00Z", "3");
        send("demo", "d", "cust-10", "api_call", "2026-11-02T10:00:00Z", "7"); // shares the prefix "cust-1"
        send("other", "e", "cust-1", "api_call", "2026-11-02T10:00:00Z", "9"); // another tenant

        assertThat(queries.openCharges("demo", "cust-1"))
                .extracting(ChargeView::meter, ChargeView::quantity, ChargeView::amountMinor, ChargeView::isFinal)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("api_call", "250", 250L, false),
                        org.assertj.core.groups.Tuple.tuple("storage_gb", "3", 3L, false)); // October is final
        assertThat(queries.openCharges("demo", "nobody")).isEmpty();
    }

    @Test
    void answersUsageInHourAndDayBucketsWithinFromAndTo() {
        send("demo", "a", "cust-1", "api_call", "2026-11-02T09:59:59Z", "1");
        send("demo", "b", "cust-1", "api_call", "2026-11-02T10:00:00Z", "2");
        send("demo", "c", "cust-1", "api_call", "2026-11-02T10:30:00Z", "0.5");
        send("demo", "d", "cust-1", "api_call", "2026-11-03T01:00:00Z", "4");
        send("demo", "e", "cust-1", "other", "2026-11-02T10:00:00Z", "100");

        assertThat(queries.usage("demo", "cust-1", "api_call", at("2026-11-02T10:00:00Z"), at("2026-11-03T01:00:00Z"),
                Granularity.HOUR)).containsExactly(new UsageBucket(at("2026-11-02T10:00:00Z"), "2.5"));
        assertThat(queries.usage("demo", "cust-1", "api_call", at("2026-11-01T00:00:00Z"), at("2026-11-04T00:00:00Z"),
                Granularity.DAY)).containsExactly(
                        new UsageBucket(at("2026-11-02T00:00:00Z"), "3.5"), new UsageBucket(at("2026-11-03T00:00:00Z"), "4"));
        assertThat(queries.usage("other-tenant", "cust-1", "api_call", at("2026-11-01T00:00:00Z"),
                at("2026-11-04T00:00:00Z"), Granularity.DAY)).isEmpty();
    }

    @Test
    void countsDaysInTheCustomersTimeZone() {
        send("demo", "a", "cust-ny", "api_call", "2026-11-02T04:59:59Z", "1"); // Nov 1, 23:59 in New York
        send("demo", "b", "cust-ny", "api_call", "2026-11-02T05:00:00Z", "2"); // Nov 2, 00:00
        send("demo", "c", "cust-ny", "api_call", "2026-11-03T04:30:00Z", "4"); // Nov 2, 23:30

        assertThat(queries.usage("demo", "cust-ny", "api_call", at("2026-11-01T00:00:00Z"), at("2026-11-04T00:00:00Z"),
                Granularity.DAY)).containsExactly(
                        new UsageBucket(at("2026-11-01T04:00:00Z"), "1"), // Nov 1 began in summer time (UTC-4)
                        new UsageBucket(at("2026-11-02T05:00:00Z"), "6"));
    }

    /** Meters api_call, storage_gb and other at 0.01 per unit, and subscriptions sub-<customer> in both tenants. */
    private void writeCatalog() {
        Topics topics = Topics.unprefixed();
        TestInputTopic<String, Meter> meters = driver.createInputTopic(topics.meters(), Serdes.String().serializer(),
                RecordSerde.singleObject(Meter.class).serializer());
        TestInputTopic<String, Plan> plans = driver.createInputTopic(topics.plans(), Serdes.String().serializer(),
                RecordSerde.singleObject(Plan.class).serializer());
        TestInputTopic<String, Subscription> subscriptions = driver.createInputTopic(topics.subscriptions(),
                Serdes.String().serializer(), RecordSerde.singleObject(Subscription.class).serializer());
        for (String tenant : List.of("demo", "other")) {
            Map<String, PriceModelSpec> prices = new java.util.HashMap<>();
            for (String meter : List.of("api_call", "storage_gb", "other")) {
                meters.pipeInput(tenant + "/" + meter, Catalogs.meter(tenant, meter, meter, "sum", "value", List.of(), Map.of()));
                prices.put(meter, Catalogs.perUnit("0.01"));
            }
            plans.pipeInput(tenant + "/basic/1", Catalogs.plan(tenant, "basic", 1, prices));
            subscriptions.pipeInput(tenant + "/sub-ny", Catalogs.subscription(tenant, "sub-ny", "cust-ny", "America/New_York",
                    Catalogs.EPOCH_2020, null, List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, null))));
            for (String customer : List.of("cust-1", "cust-10")) {
                subscriptions.pipeInput(tenant + "/sub-" + customer, Catalogs.subscription(tenant, "sub-" + customer, customer, "basic", 1));
            }
        }
    }

    private void send(String tenant, String id, String customer, String meter, String time, String value) {
        Instant at = at(time);
        usage.pipeInput(tenant + "/" + customer, UsageEvent.newBuilder().setTenant(tenant).setId(id).setSource("test")
                .setType(meter).setSubject(customer).setTime(at).setData("{\"value\":" + value + "}").setReceivedAt(at).build());
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
