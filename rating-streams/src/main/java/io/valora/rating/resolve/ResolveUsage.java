package io.valora.rating.resolve;

import io.valora.rating.catalog.Catalog;
import io.valora.rating.catalog.CatalogChanges;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.dedup.DedupSlots;
import io.valora.rating.dedup.UsageDeduplicator;
import io.valora.rating.model.CheckedEvent;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Resolves each fresh event against the catalog ({@link UsageResolver}) and, once it is accepted,
 * remembers its id in {@link ResourceNames#DEDUP_STORE}. Remembering only accepted events is what
 * makes re-publishing a rejected event safe and useful: a retry of an accepted one is still
 * dropped, a rejected one is resolved again.
 */
public final class ResolveUsage implements FixedKeyProcessor<String, CheckedEvent, CheckedEvent> {

    private final CatalogChanges changes;
    private final DedupSlots slots;
    private FixedKeyProcessorContext<String, CheckedEvent> context;
    private UsageResolver resolver;
    private WindowStore<String, Long> seen;

    public ResolveUsage(CatalogChanges changes, DedupSlots slots) {
        this.changes = changes;
        this.slots = slots;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CheckedEvent> context) {
        this.context = context;
        this.resolver = new UsageResolver(new CachedCatalog(Catalog.of(context), changes));
        this.seen = context.getStateStore(ResourceNames.DEDUP_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, CheckedEvent> record) {
        CheckedEvent fresh = record.value();
        if (!fresh.isAccepted()) {
            context.forward(record);
            return;
        }
        CheckedEvent checked;
        try {
            checked = resolver.resolve(fresh.event(), fresh.raw());
        } catch (RuntimeException e) {
            // a bug or a catalog record rating cannot use: this event is set aside, the next one is rated
            DeadLetter.rethrowIfKafkas(e);
            checked = CheckedEvent.failed(fresh.event(), new DeadLetter(ResourceNames.RESOLVE, context.recordMetadata(),
                    DeadLetter.keyBytes(record.key()), fresh.raw(), e));
        }
        if (checked.isAccepted()) {
            // the value (event time) is for people reading the store; where it is written is what the check reads
            seen.put(UsageDeduplicator.idOf(checked.event()), record.timestamp(),
                    slots.slotOf(context.currentStreamTimeMs()));
        }
        context.forward(record.withValue(checked));
    }
}
