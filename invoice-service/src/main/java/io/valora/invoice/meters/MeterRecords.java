package io.valora.invoice.meters;

import io.valora.invoice.outbox.OutboxMessage;
import io.valora.schemas.Meter;
import io.valora.schemas.codec.RecordSerde;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Avro {@link Meter} of a stored meter, as an outbox message for the compacted meters topic
 * (key {@code tenant/meterKey}).
 *
 * <p>Why it exists: rating-streams resolves meters from this topic without calling this service.
 */
public final class MeterRecords {

    private static final Serializer<Meter> SERIALIZER = RecordSerde.singleObject(Meter.class).serializer();

    private MeterRecords() {
    }

    /** The outbox message publishing {@code meter} on {@code topic}. */
    public static OutboxMessage message(String topic, StoredMeter meter) {
        Meter record = Meter.newBuilder()
                .setTenant(meter.tenant())
                .setKey(meter.key())
                .setName(meter.name().orElse(null))
                .setEventType(meter.eventType())
                .setAggregation(meter.aggregationCode())
                .setValueProperty(meter.valueProperty().orElse(null))
                .setGroupBy(meter.groupBy())
                .setFilters(new java.util.TreeMap<>(meter.filters()))
                .setCreatedAt(meter.createdAt().truncatedTo(ChronoUnit.MILLIS))
                .build();
        return new OutboxMessage(meter.tenant(), topic, meter.tenant() + "/" + meter.key(), SERIALIZER.serialize(topic, record));
    }
}
