package io.valora.rating.topology;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.schemas.ChargeKey;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.Subscription;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A {@code TopologyTestDriver} around the rating topology with its usage, catalog and output
 * topics, for tests. In-memory stores: {@code TopologyTestDriver} flushes RocksDB after every
 * record, and the suites drive thousands; {@code RatingStreamsTest} runs the RocksDB stores.
 */
final class RatingDriver implements AutoCloseable {

    static final Topics TOPICS = Topics.unprefixed();
    static final String TENANT = "demo";
    /** The default catalog's plan, meter and event type. */
    static final String PLAN = "basic";
    static final String METER = "api_call";
    /** Before every test's usage, so a wall-clock close never happens unless a test advances the clock. */
    static final Instant WALL_CLOCK_START = Instant.parse("2020-01-01T00:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, UsageEvent> usage;
    final TestInputTopic<String, Meter> meters;
    final TestInputTopic<String, Plan> plans;
    final TestInputTopic<String, Subscription> subscriptions;
    final TestOutputTopic<String, RatedCharge> charges;
    final TestOutputTopic<String, UsageEvent> rejected;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    /** What the catalog updaters sent to their dead-letter publisher. */
    final List<DeadLetter> catalogDeadLetters = new ArrayList<>();

    RatingDriver(RatingSettings settings, Path stateDir) {
        this(settings, stateDir, RatingMetrics.NONE);
    }

    RatingDriver(RatingSettings settings, Path stateDir, RatingMetrics metrics) {
        this(settings, stateDir, metrics, WALL_CLOCK_START);
    }

    /** The driver's wall clock starts at {@code wallClockStart} and moves only with {@code advanceWallClockTime}. */
    RatingDriver(RatingSettings settings, Path stateDir, RatingMetrics metrics, Instant wallClockStart) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rating-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("s" + System.nanoTime()).toString());
        Properties inMemory = new Properties();
        inMemory.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        driver = new TopologyTestDriver(RatingTopology.build(TOPICS, settings, metrics, inMemory, catalogDeadLetters::add),
                props, wallClockStart);
        usage = driver.createInputTopic(TOPICS.usageEvents(), Serdes.String().serializer(),
                RecordSerde.singleObject(UsageEvent.class).serializer());
        meters = driver.createInputTopic(TOPICS.meters(), Serdes.String().serializer(),
                RecordSerde.singleObject(Meter.class).serializer());
        plans = driver.createInputTopic(TOPICS.plans(), Serdes.String().serializer(),
                RecordSerde.singleObject(Plan.class).serializer());
        subscriptions = driver.createInputTopic(TOPICS.subscriptions(), Serdes.String().serializer(),
                RecordSerde.singleObject(Subscription.class).serializer());
        charges = driver.createOutputTopic(TOPICS.ratedCharges(), Serdes.String().deserializer(),
                RecordSerde.singleObject(RatedCharge.class).deserializer());
        rejected = driver.createOutputTopic(TOPICS.usageEventsRejected(), Serdes.String().deserializer(),
                RecordSerde.singleObject(UsageEvent.class).deserializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    /** Ids remembered for 400 days, so months-late usage is rated rather than refused as too old. */
    static RatingSettings settings(Duration grace) {
        return new RatingSettings(Duration.ofDays(400), grace);
    }

    /**
     * The common catalog: meter {@code api_call} summing {@code value}, plan {@code basic@1} at
     * {@code unitPrice} per unit, and a UTC monthly subscription {@code sub-<customer>} per customer.
     */
    RatingDriver withPerUnitCatalog(String unitPrice, String... customers) {
        meter(Catalogs.meter(TENANT, METER, METER, "sum", "value", List.of(), Map.of()));
        plan(Catalogs.plan(TENANT, PLAN, 1, Map.of(METER, Catalogs.perUnit(unitPrice))));
        for (String customer : customers) {
            subscription(Catalogs.subscription(TENANT, "sub-" + customer, customer, PLAN, 1));
        }
        return this;
    }

    void meter(Meter meter) {
        meters.pipeInput(meter.getTenant() + "/" + meter.getKey(), meter);
    }

    void plan(Plan plan) {
        plans.pipeInput(plan.getTenant() + "/" + plan.getKey() + "/" + plan.getVersion(), plan);
    }

    void subscription(Subscription subscription) {
        subscriptions.pipeInput(subscription.getTenant() + "/" + subscription.getId(), subscription);
    }

    /** An {@code api_call} event of tenant demo with {@code data.value}. */
    void send(String id, String customer, Instant time, String value) {
        send(event(TENANT, id, customer, METER, time, "{\"value\":" + value + "}"));
    }

    void send(UsageEvent event) {
        usage.pipeInput(event.getTenant() + "/" + event.getSubject(), event);
    }

    static UsageEvent event(String tenant, String id, String subject, String type, Instant time, String data) {
        return UsageEvent.newBuilder().setTenant(tenant).setId(id).setSource("test").setType(type).setSubject(subject)
                .setTime(time).setData(data).setReceivedAt(time).build();
    }

    /** The key of a period charge of the default plan without group. */
    static String key(String subscription, String meter, String periodStart) {
        return key(subscription, meter, ChargeKey.NO_GROUP, PLAN + "@1", periodStart);
    }

    static String key(String subscription, String meter, String group, String planAtVersion, String periodStart) {
        return TENANT + "/" + subscription + "/" + meter + "/" + group + "/" + planAtVersion + "/"
                + Instant.parse(periodStart).toEpochMilli();
    }

    /** Every charge emitted so far, the highest sequence per key (what a consumer keeps). */
    Map<String, RatedCharge> latest() {
        return latest(charges.readKeyValuesToList());
    }

    static Map<String, RatedCharge> latest(List<KeyValue<String, RatedCharge>> records) {
        Map<String, RatedCharge> latest = new HashMap<>();
        records.forEach(kv -> latest.merge(kv.key, kv.value, (a, b) -> b.getSequence() > a.getSequence() ? b : a));
        return latest;
    }

    static String header(TestRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
