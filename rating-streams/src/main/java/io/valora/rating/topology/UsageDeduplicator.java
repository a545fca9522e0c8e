package io.valora.rating.topology;

import io.valora.schemas.UsageEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an event whose (tenant, id) was already rated within the retention. The gateway may write an event
 * twice (a client retry after a lost 202); this is where that becomes harmless.
 *
 * <p>An event older than the retention behind stream time is refused (rejected topic with a
 * reason): its id may already be forgotten, so it could be billed twice.
 *
 * <p>This processor only checks; the id is remembered by {@link ResolveUsage} once the event is
 * accepted, so an event rejected for want of catalog data can be re-published and rated later.
 *
 * <p>Ids are kept in a window store keyed {@code tenant/id} at the event's time, so the store
 * forgets them by itself once stream time has moved past the retention. A retry that carries a
 * different event time (producers that send none get the receipt time) is still caught as long as
 * both times lie within the retention of each other. Retries are assumed to repeat the subject,
 * which keeps them on the same partition as the original.
 */
final class UsageDeduplicator implements Processor<String, UsageEvent, String, CheckedEvent> {

    private final long retentionMs;
    private final RatingMetrics metrics;
    private ProcessorContext<String, CheckedEvent> context;
    private WindowStore<String, Long> seen;

    UsageDeduplicator(Duration retention, RatingMetrics metrics) {
        this.retentionMs = retention.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CheckedEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(ResourceNames.DEDUP_STORE);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        UsageEvent event = record.value();
        String id = idOf(event);
        long time = record.timestamp();
        if (time < context.currentStreamTimeMs() - retentionMs) {
            // The store has forgotten ids this old (and ignores a put), so a retry could not be
            // caught: refuse it visibly instead of risking a double charge.
            context.forward(record.withValue(CheckedEvent.refused(event, RejectReason.TOO_OLD,
                    "event time is older than the de-duplication retention (" + Duration.ofMillis(retentionMs)
                            + ") behind the newest usage; re-process it deliberately if it is genuine")));
            return;
        }
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, time - retentionMs, time + retentionMs)) {
            if (earlier.hasNext()) {
                metrics.duplicateDropped();
                return;
            }
        }
        context.forward(record.withValue(CheckedEvent.fresh(event)));
    }

    /** The de-duplication key of an event. */
    static String idOf(UsageEvent event) {
        return event.getTenant() + "/" + event.getId();
    }
}
