package io.valora.rating.topology;

import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serde of {@link MeteredUsage} for the internal repartition topic
 * {@code usage-by-customer}. Usage sent under a subscription's external id crosses that topic once per
 * meter, so its format is on that path twice (written by resolution, read by rating): a fixed field order with length-prefixed
 * UTF-8 strings, decimals as scale and unscaled bytes (exact, scale kept), instants as seconds and
 * nanoseconds. The topic is private to this topology, so no schema registry or self-describing
 * format is needed; a leading format byte makes a reader refuse records of another format instead
 * of misreading them (an application reset is the upgrade path, see the README).
 */
final class MeteredUsageSerde implements Serde<MeteredUsage> {

    /** Format of the records this version writes; 1 (JSON) was the format before. */
    static final byte FORMAT = 2;
    private static final String WHAT = "metered usage";

    @Override
    public Serializer<MeteredUsage> serializer() {
        return (topic, usage) -> usage == null ? null : write(usage);
    }

    @Override
    public Deserializer<MeteredUsage> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(MeteredUsage usage) {
        BinaryWriter out = new BinaryWriter(256);
        out.writeByte(FORMAT);
        BinaryFields.writeString(out, usage.tenant());
        BinaryFields.writeString(out, usage.subscription());
        BinaryFields.writeString(out, usage.customer());
        BinaryFields.writeString(out, usage.meter());
        BinaryFields.writeString(out, usage.group());
        Pricing pricing = usage.pricing();
        BinaryFields.writeString(out, pricing.plan());
        out.writeInt(pricing.planVersion());
        BinaryFields.writeString(out, pricing.currency());
        BinaryFields.writeString(out, pricing.rounding());
        BinaryFields.writeString(out, pricing.modelSpec());
        MeteredUsage.CalendarSpec calendar = usage.calendar();
        BinaryFields.writeString(out, calendar.timeZone());
        BinaryFields.writeString(out, calendar.cadence());
        BinaryFields.writeString(out, calendar.anchor());
        MeteredUsage.Reading reading = usage.reading();
        BinaryFields.writeString(out, reading.eventId());
        BinaryFields.writeInstant(out, reading.eventTime());
        BinaryFields.writeString(out, reading.aggregation());
        BinaryFields.writeDecimal(out, reading.value());
        BinaryFields.writeString(out, reading.distinct());
        return out.toByteArray();
    }

    static MeteredUsage read(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, WHAT);
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new SerializationException("metered usage of format " + format + ", this version reads " + FORMAT
                    + ": the internal topics of an older version must be reset (see the rating-streams README)");
        }
        String tenant = string(in);
        String subscription = string(in);
        String customer = string(in);
        String meter = string(in);
        String group = string(in);
        Pricing pricing = new Pricing(string(in), in.readInt(), string(in), string(in), string(in));
        MeteredUsage.CalendarSpec calendar = new MeteredUsage.CalendarSpec(string(in), string(in), string(in));
        String eventId = string(in);
        Instant eventTime = BinaryFields.readInstant(in);
        MeteredUsage.Reading reading = new MeteredUsage.Reading(eventId, eventTime, string(in), BinaryFields.readDecimal(in), string(in));
        return new MeteredUsage(tenant, subscription, customer, meter, group, pricing, calendar, reading);
    }

    private static String string(BinaryReader in) {
        return BinaryFields.readString(in);
    }
}
