package io.valora.rating.catalog;

import io.valora.schemas.Meter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link CatalogStores#METERS_STORE} in step with the {@code meters} topic: each meter by its
 * key and by its event type, because rating looks meters up by the event's {@code type}.
 *
 * <p>Runs on restore too (Kafka Streams re-processes global records through this processor), so
 * the index is rebuilt from the topic alone. A tombstone (key {@code tenant/meterKey}) removes
 * both entries.
 */
public final class MeterCatalogUpdater implements Processor<String, Meter, Void, Void> {

    private final CatalogChanges changes;
    private KeyValueStore<String, Meter> meters;

    /** {@code changes} is told after every applied record, so in-memory lookups of stream threads are dropped. */
    public MeterCatalogUpdater(CatalogChanges changes) {
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.meters = context.getStateStore(CatalogStores.METERS_STORE);
    }

    @Override
    public void process(Record<String, Meter> record) {
        apply(record);
        changes.changed();
    }

    private void apply(Record<String, Meter> record) {
        Meter meter = record.value();
        if (meter == null) {
            CatalogStores.forTopicKey(record.key(), this::remove);
            return;
        }
        remove(meter.getTenant(), meter.getKey());
        meters.put(CatalogStores.meterByKey(meter.getTenant(), meter.getKey()), meter);
        meters.put(CatalogStores.meterByType(meter.getTenant(), meter.getEventType(), meter.getKey()), meter);
    }

    private void remove(String tenant, String meterKey) {
        Meter before = meters.delete(CatalogStores.meterByKey(tenant, meterKey));
        if (before != null) {
            meters.delete(CatalogStores.meterByType(tenant, before.getEventType(), meterKey));
        }
    }
}
