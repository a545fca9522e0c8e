package io.valora.rating.rate;

import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.model.CheckedEvent;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.RejectReason;
import io.valora.rating.serde.MeteredUsageSerde;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns what went wrong while rating one usage into the record that says so: an overflowing amount
 * rejects the usage's event (decoded from the bytes the usage carries, keyed {@code tenant/subject}
 * as the gateway wrote it), anything else becomes a dead letter. Kept apart from
 * {@link PeriodChargeProcessor} so the rating rules there read without the failure plumbing.
 */
final class RateFailures {

    private static final Deserializer<UsageEvent> EVENTS = RecordSerde.singleObject(UsageEvent.class).deserializer();

    private RateFailures() {
    }

    /** The event whose usage would overflow its charge, rejected; a dead letter when the event is not at hand. */
    static Record<String, RateOutput> overflow(Record<String, MeteredUsage> record, AmountOverflowException overflow,
            Optional<RecordMetadata> source) {
        MeteredUsage usage = record.value();
        if (usage.source() == null) {
            return failed(record, overflow, source); // a usage written by an earlier version carries no event
        }
        UsageEvent event;
        try {
            event = EVENTS.deserialize(source.map(RecordMetadata::topic).orElse(null), usage.source());
        } catch (RuntimeException e) {
            return failed(record, e, source);
        }
        CheckedEvent rejected = CheckedEvent.refused(event, RejectReason.AMOUNT_OVERFLOW, "meter " + usage.meter()
                + " of subscription " + usage.subscription() + ": " + overflow.getMessage()
                + "; the charge keeps its amount without this event");
        return new Record<>(RecordKeys.usage(event.getTenant(), event.getSubject()), RateOutput.rejected(rejected),
                record.timestamp());
    }

    /** A dead letter of the usage: its event's bytes when it carries them, else the usage as the internal topic holds it. */
    static Record<String, RateOutput> failed(Record<String, MeteredUsage> record, RuntimeException error,
            Optional<RecordMetadata> source) {
        MeteredUsage usage = record.value();
        byte[] value = usage.source() != null ? usage.source() : bytesOf(usage);
        return record.withValue(RateOutput.failed(new DeadLetter(ResourceNames.RATE, source,
                DeadLetter.keyBytes(record.key()), value, error)));
    }

    private static byte[] bytesOf(MeteredUsage usage) {
        try {
            return MeteredUsageSerde.write(usage);
        } catch (RuntimeException e) {
            return null; // the headers still say where it was read
        }
    }
}
