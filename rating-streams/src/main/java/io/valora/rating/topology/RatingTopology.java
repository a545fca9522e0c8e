package io.valora.rating.topology;

import io.valora.rating.catalog.CatalogChanges;
import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.catalog.CatalogTopology;
import io.valora.rating.chart.HourlyUsageRecorder;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.rating.deadletter.DeadLetterWriter;
import io.valora.rating.deadletter.DecodingSerde;
import io.valora.rating.dedup.DedupSlots;
import io.valora.rating.dedup.UsageDeduplicator;
import io.valora.rating.model.CheckedEvent;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.place.UsagePlacement;
import io.valora.rating.rate.PeriodChargeProcessor;
import io.valora.rating.rate.RateOutput;
import io.valora.rating.reject.ExplainRejection;
import io.valora.rating.resolve.ResolveUsage;
import io.valora.rating.serde.MeteredUsageSerde;
import io.valora.rating.serde.PeriodStateSerde;
import io.valora.rating.source.EventTimeExtractor;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The rating topology, in plain Java so it can be driven by {@code TopologyTestDriver} without a
 * cluster or a framework:
 *
 * <pre>
 * meters, plans, subscriptions ─▶ global catalog stores (indexed by event type, customer, external id)
 *
 * usage-events ─▶ deduplicate (tenant/id) ─▶ resolve (catalog; remember accepted ids) ─┬─▶ refused ─▶ usage-events.rejected
 *                                                                                       └─▶ one record per meter ─┬─▶ hourly usage (window store)
 *                                                                                                                 ├─▶ on the customer's partition ──────────────────┬─▶ rate
 *                                                                                                                 └─▶ else key by customer ─▶ usage-by-customer ─┘
 *   rate (aggregate, price with the phase's model, final after end + grace, late ─▶ adjustment) ─▶ rated-charges
 *        └─▶ amount-overflow ─▶ usage-events.rejected
 *
 * any step's failure on one record (undecodable bytes included) ─▶ dead-letters, and the next record is processed
 * </pre>
 *
 * Every processor, store and internal topic is named ({@link ResourceNames}, {@link CatalogStores}).
 */
public final class RatingTopology {

    private RatingTopology() {
    }

    /** Builds the topology without a publisher for catalog dead letters (tests that do not look at them). */
    public static Topology build(Topics topics, RatingSettings settings, RatingMetrics metrics, Properties streamsProperties) {
        return build(topics, settings, metrics, streamsProperties, DeadLetterPublisher.NONE);
    }

    /**
     * Builds the topology; {@code streamsProperties} are the application's Streams settings (used for topology-level
     * options); {@code catalogDeadLetters} receives the catalog records the global updaters could not apply (the
     * global thread cannot forward to a sink).
     */
    public static Topology build(Topics topics, RatingSettings settings, RatingMetrics metrics, Properties streamsProperties,
            DeadLetterPublisher catalogDeadLetters) {
        Properties props = new Properties();
        props.putAll(streamsProperties);
        props.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withRequired(props))));
        Serde<String> keys = Serdes.String();
        Serde<UsageEvent> events = RecordSerde.singleObject(UsageEvent.class);
        Serde<RatedCharge> charges = RecordSerde.singleObject(RatedCharge.class);
        Serde<MeteredUsage> metered = new MeteredUsageSerde();
        StoreSuppliers stores = new StoreSuppliers(props);

        CatalogChanges catalogChanges = new CatalogChanges();
        DedupSlots dedupSlots = new DedupSlots(settings.dedupRetention());
        CatalogTopology.addTo(builder, topics, stores::keyValue, catalogChanges, letter -> {
            metrics.deadLettered(letter.stage());
            catalogDeadLetters.publish(letter);
        });

        builder.addStateStore(Stores.windowStoreBuilder(
                stores.window(ResourceNames.DEDUP_STORE, dedupSlots.storeRetention(), Duration.ofMillis(1)),
                keys, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValue(ResourceNames.PERIOD_STATE_STORE), keys, new PeriodStateSerde()));
        // In memory whatever the other stores are: it only holds the keys of one emit interval, and RocksDB made every
        // emission a scan over the tombstones of all earlier ones. Logged, so a crash still loses no emission.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(ResourceNames.PENDING_STORE), keys, Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                stores.window(ResourceNames.HOURLY_USAGE_STORE, HourlyUsageRecorder.RETENTION, HourlyUsageRecorder.BUCKET),
                keys, Serdes.String()));
        DeadLetters deadLetters = new DeadLetters(topics, metrics);

        // Decoded in the topology (DecodingSerde), not by a throwing deserializer: undecodable bytes become a dead letter.
        KStream<String, CheckedEvent> checked = builder
                .stream(topics.usageEvents(), Consumed.with(keys, new DecodingSerde<>(events))
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName(ResourceNames.SOURCE))
                .process(() -> new UsageDeduplicator(dedupSlots, metrics),
                        Named.as(ResourceNames.DEDUPLICATE), ResourceNames.DEDUP_STORE)
                .processValues(() -> new ResolveUsage(catalogChanges, dedupSlots), Named.as(ResourceNames.RESOLVE), ResourceNames.DEDUP_STORE);

        Map<String, KStream<String, CheckedEvent>> branches = checked
                .split(Named.as(ResourceNames.SPLIT))
                .branch((key, c) -> c.isAccepted(), Branched.as(ResourceNames.ACCEPTED))
                .branch((key, c) -> c.isFailed(), Branched.as(ResourceNames.FAILED))
                .defaultBranch(Branched.as(ResourceNames.REFUSED));
        deadLetters.write(branches.get(ResourceNames.SPLIT + ResourceNames.FAILED)
                .mapValues(CheckedEvent::deadLetter, Named.as(ResourceNames.CHECK_DEAD_LETTER)), ResourceNames.CHECK_DEAD_LETTERS_SINK);

        KStream<String, MeteredUsage> perMeter = branches.get(ResourceNames.SPLIT + ResourceNames.ACCEPTED)
                .flatMapValues(CheckedEvent::usages, Named.as(ResourceNames.PER_METER));
        deadLetters.write(perMeter.process(HourlyUsageRecorder::new, Named.as(ResourceNames.RECORD_HOURLY),
                ResourceNames.HOURLY_USAGE_STORE), ResourceNames.HOURLY_DEAD_LETTERS_SINK);

        // Rated on the customer's usage partition: every charge key belongs to one subscription, hence one customer, so
        // all of a key's usage meets in one task. Usage already there (subject = the customer, the usual case) is rated
        // in place; usage sent under a subscription's external id is moved there first.
        Map<String, KStream<String, MeteredUsage>> placed = perMeter
                .split(Named.as(ResourceNames.PLACE))
                .branch((key, usage) -> UsagePlacement.isOnCustomerPartition(key, usage), Branched.as(ResourceNames.IN_PLACE))
                .defaultBranch(Branched.as(ResourceNames.TO_MOVE));
        KStream<String, MeteredUsage> moved = placed.get(ResourceNames.PLACE + ResourceNames.TO_MOVE)
                .selectKey((key, usage) -> UsagePlacement.customerKey(usage), Named.as(ResourceNames.KEY_BY_CUSTOMER))
                .repartition(Repartitioned.with(keys, metered).withName(ResourceNames.BY_CUSTOMER));
        Map<String, KStream<String, RateOutput>> rated = placed.get(ResourceNames.PLACE + ResourceNames.IN_PLACE)
                .merge(moved, Named.as(ResourceNames.MERGE_PLACED))
                .process(() -> new PeriodChargeProcessor(settings, metrics), Named.as(ResourceNames.RATE),
                        ResourceNames.PERIOD_STATE_STORE, ResourceNames.PENDING_STORE)
                .split(Named.as(ResourceNames.RATED))
                .branch((key, out) -> out.isCharge(), Branched.as(ResourceNames.CHARGES))
                .branch((key, out) -> out.isRejected(), Branched.as(ResourceNames.REFUSED))
                .defaultBranch(Branched.as(ResourceNames.FAILED));
        rated.get(ResourceNames.RATED + ResourceNames.CHARGES)
                .mapValues(RateOutput::charge, Named.as(ResourceNames.CHARGE_OF))
                .to(topics.ratedCharges(), Produced.with(keys, charges).withName(ResourceNames.CHARGES_SINK));
        deadLetters.write(rated.get(ResourceNames.RATED + ResourceNames.FAILED)
                .mapValues(RateOutput::deadLetter, Named.as(ResourceNames.RATE_DEAD_LETTER)), ResourceNames.RATE_DEAD_LETTERS_SINK);

        branches.get(ResourceNames.SPLIT + ResourceNames.REFUSED)
                .merge(rated.get(ResourceNames.RATED + ResourceNames.REFUSED)
                        .mapValues(RateOutput::rejected, Named.as(ResourceNames.RATE_REJECTION)), Named.as(ResourceNames.MERGE_REFUSED))
                .processValues(() -> new ExplainRejection(metrics), Named.as(ResourceNames.EXPLAIN_REJECTION))
                .to(topics.usageEventsRejected(), Produced.with(keys, events).withName(ResourceNames.REJECTED_SINK));

        return builder.build(props);
    }

    /** Every stream-thread dead letter takes this way: written ({@link DeadLetterWriter}), counted, to the one topic. */
    private record DeadLetters(Topics topics, RatingMetrics metrics) {

        void write(KStream<String, DeadLetter> letters, String sinkName) {
            letters.process(() -> new DeadLetterWriter(letter -> metrics.deadLettered(letter.stage())),
                            Named.as(sinkName + "-writer"))
                    .to(topics.deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(sinkName));
        }
    }

    private static Properties withRequired(Properties props) {
        Properties complete = new Properties();
        complete.putAll(props);
        complete.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "valora-rating");
        complete.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return complete;
    }
}
