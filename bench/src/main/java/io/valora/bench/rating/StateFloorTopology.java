package io.valora.bench.rating;

import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The state issue 5 requires of rating, and nothing else: per event, the de-duplication id looked up
 * and written in a logged window store, a period-to-date count and an hourly bucket read and written
 * in logged stores, and one record out. No JSON, no catalog, no pricing, no repartition.
 *
 * <p>Why it exists: the ratio goal compares rating with a pass-through that writes one record per
 * event. When usage is spread over many customers, no key repeats within a commit interval, so no
 * cache can coalesce these writes and each event costs three store writes and four records out
 * whatever the rating logic does. Run in the same benchmark, this topology measures that floor, so
 * the part of rating's cost that its own code could still save is the gap between this figure and
 * rating's, not the gap to the pass-through. Its stores use Kafka Streams' RocksDB defaults (rating bounds all of
 * its stores by one shared budget), with the pass-through's settings otherwise.
 */
final class StateFloorTopology {

    static final String APPLICATION_ID = "valora-bench-state-floor";

    private static final String IDS = "floor-ids";
    private static final String PERIODS = "floor-periods";
    private static final String HOURS = "floor-hours";
    /** Rating's de-duplication store retention: 35 days plus a slot of half that, so segments match rating's. */
    private static final Duration ID_RETENTION = Duration.ofDays(35).multipliedBy(3).dividedBy(2);
    private static final Duration HOUR_RETENTION = Duration.ofDays(35);

    private StateFloorTopology() {
    }

    static Topology build(String input, String output) {
        Serde<String> keys = Serdes.String();
        Serde<UsageEvent> events = RecordSerde.singleObject(UsageEvent.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(IDS, ID_RETENTION, Duration.ofMillis(1), false), keys, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERIODS), keys, Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(HOURS, HOUR_RETENTION, Duration.ofHours(1), false), keys, Serdes.Long()));
        builder.stream(input, Consumed.with(keys, events).withName("floor-source"))
                .processValues(StoreWrites::new, Named.as("floor-state"), IDS, PERIODS, HOURS)
                .to(output, Produced.with(keys, events).withName("floor-sink"));
        return builder.build();
    }

    /**
     * The reads and writes rating does per event when every key is new within the commit interval, with one
     * id lookup where rating makes up to three (one per live slot): a floor, not a model.
     */
    private static final class StoreWrites implements FixedKeyProcessor<String, UsageEvent, UsageEvent> {
        private FixedKeyProcessorContext<String, UsageEvent> context;
        private WindowStore<String, Long> ids;
        private KeyValueStore<String, Long> periods;
        private WindowStore<String, Long> hours;

        @Override
        public void init(FixedKeyProcessorContext<String, UsageEvent> context) {
            this.context = context;
            this.ids = context.getStateStore(IDS);
            this.periods = context.getStateStore(PERIODS);
            this.hours = context.getStateStore(HOURS);
        }

        @Override
        public void process(FixedKeyRecord<String, UsageEvent> record) {
            UsageEvent event = record.value();
            long time = event.getTime().toEpochMilli();
            String id = event.getTenant() + "/" + event.getId();
            if (ids.fetch(id, time) != null) {
                return;
            }
            ids.put(id, time, time);
            String customer = event.getTenant() + "/" + event.getSubject();
            String period = customer + "/" + event.getTime().truncatedTo(ChronoUnit.DAYS);
            Long count = periods.get(period);
            periods.put(period, count == null ? 1 : count + 1);
            long hour = event.getTime().truncatedTo(ChronoUnit.HOURS).toEpochMilli();
            Long bucket = hours.fetch(customer, hour);
            hours.put(customer, bucket == null ? 1 : bucket + 1, hour);
            context.forward(record);
        }
    }
}
