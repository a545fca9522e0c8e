package io.valora.rating.catalog;

import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.schemas.Meter;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link CatalogStores#METERS_STORE} in step with the {@code meters} topic: each meter by its
 * key and by its event type, because rating looks meters up by the event's {@code type}.
 *
 * <p>Runs on restore too (Kafka Streams re-processes global records through this processor), so
 * the index is rebuilt from the topic alone. A tombstone (key {@code tenant/meterKey}) removes
 * both entries.
 */
public final class MeterCatalogUpdater extends CatalogUpdater<Meter> {

    private KeyValueStore<String, Meter> meters;

    /**
     * {@code changes} is told after every record, so in-memory lookups of stream threads are dropped; a record that
     * cannot be applied goes to {@code deadLetters}.
     */
    public MeterCatalogUpdater(CatalogChanges changes, DeadLetterPublisher deadLetters) {
        super(CatalogStores.METERS_STORE.replace("-store", "-updater"), changes, deadLetters);
    }

    @Override
    void open(ProcessorContext<Void, Void> context) {
        this.meters = context.getStateStore(CatalogStores.METERS_STORE);
    }

    @Override
    void apply(String key, Meter meter) {
        if (meter == null) {
            CatalogStores.forTopicKey(key, this::remove);
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
