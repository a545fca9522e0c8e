package io.valora.rating.dedup;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.deadletter.Decoded;
import io.valora.rating.model.CheckedEvent;
import io.valora.rating.model.RejectReason;
import io.valora.schemas.UsageEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Drops an event whose (tenant, id) was already rated within the retention. The gateway may write an event
 * twice (a client retry after a lost 202); this is where that becomes harmless.
 *
 * <p>An event older than the retention behind stream time is refused (rejected topic with a
 * reason): its id may already be forgotten, so it could be billed twice.
 *
 * <p>This processor only checks; the id is remembered by {@link io.valora.rating.resolve.ResolveUsage} once the event is
 * accepted, so an event rejected for want of catalog data can be re-published and rated later.
 *
 * <p>Ids are kept in a window store keyed {@code tenant/id}, at the start of the slot of stream time
 * they were accepted in ({@link DedupSlots}), so a check is a few point reads and the store forgets
 * ids by itself once stream time has moved past the retention. A retry is caught whatever event time
 * it carries (producers that send none get the receipt time). Retries are assumed to repeat the
 * subject, which keeps them on the same partition as the original.
 *
 * <p>The first processor after the source, so it also sets aside what cannot be used at all: a value
 * that could not be decoded (or none) and anything that fails here become a dead letter
 * ({@link CheckedEvent#failed}), never a stopped stream thread.
 */
public final class UsageDeduplicator implements Processor<String, Decoded<UsageEvent>, String, CheckedEvent> {

    private final long retentionMs;
    private final DedupSlots slots;
    private final RatingMetrics metrics;
    private ProcessorContext<String, CheckedEvent> context;
    private WindowStore<String, Long> seen;

    public UsageDeduplicator(DedupSlots slots, RatingMetrics metrics) {
        this.retentionMs = slots.retention().toMillis();
        this.slots = slots;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CheckedEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(ResourceNames.DEDUP_STORE);
    }

    @Override
    public void process(Record<String, Decoded<UsageEvent>> record) {
        Decoded<UsageEvent> decoded = record.value();
        CheckedEvent checked;
        if (decoded == null || decoded.failed() || decoded.value() == null) {
            RuntimeException why = decoded != null && decoded.failed() ? decoded.failure()
                    : new IllegalArgumentException("usage event without a value");
            checked = CheckedEvent.failed(null, deadLetter(ResourceNames.SOURCE, record, why));
        } else {
            try {
                checked = check(decoded.value(), decoded.raw(), record.timestamp());
            } catch (RuntimeException e) {
                DeadLetter.rethrowIfKafkas(e);
                checked = CheckedEvent.failed(decoded.value(), deadLetter(ResourceNames.DEDUPLICATE, record, e));
            }
        }
        // forwarded outside the try: a failure further down belongs to the processor it happens in
        if (checked != null) {
            context.forward(record.withValue(checked));
        }
    }

    /** The event's outcome here, or {@code null} for a duplicate (dropped). */
    private CheckedEvent check(UsageEvent event, byte[] raw, long time) {
        String id = idOf(event);
        long streamTime = context.currentStreamTimeMs();
        if (time < streamTime - retentionMs) {
            // Its original may have been accepted more than the retention ago and its id forgotten, so a
            // retry could not be caught: refuse it visibly instead of risking a double charge.
            return CheckedEvent.refused(event, RejectReason.TOO_OLD,
                    "event time is older than the de-duplication retention (" + Duration.ofMillis(retentionMs)
                            + ") behind the newest usage; re-process it deliberately if it is genuine");
        }
        for (long slot : slots.slotsToCheck(streamTime)) {
            if (seen.fetch(id, slot) != null) {
                metrics.duplicateDropped();
                return null;
            }
        }
        return CheckedEvent.fresh(event, raw);
    }

    private DeadLetter deadLetter(String stage, Record<String, Decoded<UsageEvent>> record, RuntimeException error) {
        byte[] raw = record.value() == null ? null : record.value().raw();
        return new DeadLetter(stage, context.recordMetadata(), DeadLetter.keyBytes(record.key()), raw, error);
    }

    /** The de-duplication key of an event. */
    public static String idOf(UsageEvent event) {
        return event.getTenant() + "/" + event.getId();
    }
}
