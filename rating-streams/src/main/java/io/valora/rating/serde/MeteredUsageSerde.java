package io.valora.rating.serde;

import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
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
 *
 * <p>Format 3 is format 2 followed by the usage event's original bytes (length-prefixed, {@code -1} for
 * none), so that rating can still reject the event itself ({@code amount-overflow}) or set it aside as a
 * dead letter after the hop. This version reads formats 2 and 3 (a format-2 record has no event bytes).
 */
public final class MeteredUsageSerde implements Serde<MeteredUsage> {

    /** Format of the records this version writes; 2 (without the event's bytes) and 1 (JSON) were the formats before. */
    static final byte FORMAT = 3;
    /** The earlier format this version still reads. */
    static final byte FORMAT_WITHOUT_SOURCE = 2;
    private static final String WHAT = "metered usage";

    @Override
    public Serializer<MeteredUsage> serializer() {
        return (topic, usage) -> usage == null ? null : write(usage);
    }

    @Override
    public Deserializer<MeteredUsage> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    public static byte[] write(MeteredUsage usage) {
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
        byte[] source = usage.source();
        out.writeInt(source == null ? -1 : source.length);
        if (source != null) {
            out.write(source);
        }
        return out.toByteArray();
    }

    static MeteredUsage read(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, WHAT);
        byte format = in.readByte();
        if (format != FORMAT && format != FORMAT_WITHOUT_SOURCE) {
            throw new SerializationException("metered usage of format " + format + ", this version reads " + FORMAT_WITHOUT_SOURCE
                    + " and " + FORMAT + ": the internal topics of an older version must be reset (see the rating-streams README)");
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
        byte[] source = null;
        if (format == FORMAT) {
            int length = in.readInt();
            source = length < 0 ? null : in.readBytes(length);
        }
        return new MeteredUsage(tenant, subscription, customer, meter, group, pricing, calendar, reading, source);
    }

    private static String string(BinaryReader in) {
        return BinaryFields.readString(in);
    }
}
