package io.valora.rating.topology;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;

/**
 * The rating topology, in plain Java so it can be driven by {@code TopologyTestDriver} without a
 * cluster or a framework:
 *
 * <pre>
 * usage-events ─▶ deduplicate (tenant/id, window store) ─▶ measure ─┬─▶ unmeasurable ─▶ usage-events.rejected
 *                                                                     ├─▶ hourly usage per tenant/customer/meter (window store)
 *                                                                     └─▶ key by tenant/subscription/meter/period
 *                                                                          ─▶ repartition ─▶ rate (running charge,
 *                                                                             final after end + grace, late ─▶ adjustment)
 *                                                                          ─▶ rated-charges
 * </pre>
 *
 * Every processor, store and internal topic is named ({@link ResourceNames}).
 */
public final class RatingTopology {

    private RatingTopology() {
    }

    /** Builds the topology; {@code streamsProperties} are the application's Streams settings (used for topology-level options). */
    public static Topology build(Topics topics, RatingSettings settings, RatingMetrics metrics, Properties streamsProperties) {
        Properties props = new Properties();
        props.putAll(streamsProperties);
        props.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(withRequired(props))));
        Serde<String> keys = Serdes.String();
        Serde<UsageEvent> events = RecordSerde.singleObject(UsageEvent.class);
        Serde<RatedCharge> charges = RecordSerde.singleObject(RatedCharge.class);
        PeriodRater rater = new PeriodRater(settings);
        QuantityReader quantities = new QuantityReader(settings.quantityField());
        StoreSuppliers stores = new StoreSuppliers(props);

        builder.addStateStore(Stores.windowStoreBuilder(
                stores.window(ResourceNames.DEDUP_STORE, settings.dedupRetention(), Duration.ofMillis(1)),
                keys, Serdes.Long()));

        // Timestamped, like the DSL aggregate this processor replaced, so existing local state stays readable.
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                stores.timestampedKeyValue(ResourceNames.CHARGES_STORE), keys, charges));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.keyValue(ResourceNames.LATE_USAGE_STORE), keys, Serdes.String()));

        builder.addStateStore(Stores.windowStoreBuilder(
                stores.window(ResourceNames.HOURLY_USAGE_STORE, HourlyUsageRecorder.RETENTION, HourlyUsageRecorder.BUCKET),
                keys, Serdes.String()));

        KStream<String, CheckedEvent> checked = builder
                .stream(topics.usageEvents(), Consumed.with(keys, events)
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName(ResourceNames.SOURCE))
                .process(() -> new UsageDeduplicator(settings.dedupRetention(), metrics),
                        Named.as(ResourceNames.DEDUPLICATE), ResourceNames.DEDUP_STORE)
                .mapValues(c -> c.isRefused() ? c : new CheckedEvent(c.event(), quantities.read(c.event().getData()).refusal()),
                        Named.as(ResourceNames.READ_QUANTITY));

        Map<String, KStream<String, CheckedEvent>> branches = checked
                .split(Named.as(ResourceNames.MEASURE))
                .branch((key, c) -> !c.isRefused(), Branched.as(ResourceNames.MEASURABLE))
                .defaultBranch(Branched.as(ResourceNames.UNMEASURABLE));

        branches.get(ResourceNames.MEASURE + ResourceNames.UNMEASURABLE)
                .processValues(() -> new ExplainRejection(metrics), Named.as(ResourceNames.EXPLAIN_REJECTION))
                .to(topics.usageEventsRejected(), Produced.with(keys, events).withName(ResourceNames.REJECTED_SINK));

        KStream<String, UsageEvent> measurable = branches.get(ResourceNames.MEASURE + ResourceNames.MEASURABLE)
                .mapValues(CheckedEvent::event, Named.as(ResourceNames.UNWRAP_MEASURABLE));
        measurable.process(() -> new HourlyUsageRecorder(quantities), Named.as(ResourceNames.RECORD_HOURLY),
                ResourceNames.HOURLY_USAGE_STORE);

        measurable
                .selectKey((key, event) -> rater.keyOf(event), Named.as(ResourceNames.KEY_BY_PERIOD))
                .repartition(Repartitioned.with(keys, events).withName(ResourceNames.BY_PERIOD))
                .process(() -> new PeriodChargeProcessor(rater, settings, metrics), Named.as(ResourceNames.RATE),
                        ResourceNames.CHARGES_STORE, ResourceNames.LATE_USAGE_STORE)
                .to(topics.ratedCharges(), Produced.with(keys, charges).withName(ResourceNames.CHARGES_SINK));

        return builder.build(props);
    }

    private static Properties withRequired(Properties props) {
        Properties complete = new Properties();
        complete.putAll(props);
        complete.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "valora-rating");
        complete.putIfAbsent(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return complete;
    }

    /** Adds the refusal reason as a header before the event goes to the rejected topic. */
    private static final class ExplainRejection implements FixedKeyProcessor<String, CheckedEvent, UsageEvent> {
        private final RatingMetrics metrics;
        private FixedKeyProcessorContext<String, UsageEvent> context;

        ExplainRejection(RatingMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, UsageEvent> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, CheckedEvent> record) {
            record.headers().add(ResourceNames.REJECT_REASON_HEADER, record.value().refusal().getBytes(StandardCharsets.UTF_8));
            metrics.eventRejected();
            context.forward(record.withValue(record.value().event()));
        }
    }
}
