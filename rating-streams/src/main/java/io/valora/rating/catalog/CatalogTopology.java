package io.valora.rating.catalog;

import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.rating.deadletter.Decoded;
import io.valora.rating.deadletter.DecodingSerde;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.Subscription;
import io.valora.schemas.Topics;
import io.valora.schemas.codec.RecordSerde;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the catalog topics to a topology as global stores (every instance reads every partition),
 * each maintained by its updater so that lookups by event type, customer and external id are
 * point reads or short prefix scans instead of scans of the whole catalog.
 *
 * <p>Global stores have no changelog: the compacted topic is their changelog, and on restore
 * Kafka Streams passes its records through the updaters again ({@code StreamsBuilder#addGlobalStore}
 * re-processes on restore), which rebuilds the index entries.
 */
public final class CatalogTopology {

    private CatalogTopology() {
    }

    /**
     * Adds the three global stores; {@code suppliers} picks RocksDB or in-memory stores by name,
     * {@code changes} counts every applied catalog record, and {@code deadLetters} receives the records
     * that could not be decoded or applied.
     */
    public static void addTo(StreamsBuilder builder, Topics topics, Function<String, KeyValueBytesStoreSupplier> suppliers,
            CatalogChanges changes, DeadLetterPublisher deadLetters) {
        add(builder, suppliers, CatalogStores.METERS_STORE, topics.meters(), Meter.class,
                CatalogStores.METERS_SOURCE, () -> new MeterCatalogUpdater(changes, deadLetters));
        add(builder, suppliers, CatalogStores.PLANS_STORE, topics.plans(), Plan.class,
                CatalogStores.PLANS_SOURCE, () -> new PlanCatalogUpdater(changes, deadLetters));
        add(builder, suppliers, CatalogStores.SUBSCRIPTIONS_STORE, topics.subscriptions(), Subscription.class,
                CatalogStores.SUBSCRIPTIONS_SOURCE, () -> new SubscriptionCatalogUpdater(changes, deadLetters));
    }

    private static <V extends SpecificRecord> void add(StreamsBuilder builder,
            Function<String, KeyValueBytesStoreSupplier> suppliers, String store, String topic, Class<V> type,
            String sourceName, ProcessorSupplier<String, Decoded<V>, Void, Void> updater) {
        Serde<V> values = RecordSerde.singleObject(type);
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(suppliers.apply(store), Serdes.String(), values).withLoggingDisabled(),
                topic,
                // decoded by the updater's input, not a throwing deserializer, so a bad record becomes a dead letter
                Consumed.with(Serdes.String(), new DecodingSerde<>(values)).withName(sourceName),
                updater);
    }
}
