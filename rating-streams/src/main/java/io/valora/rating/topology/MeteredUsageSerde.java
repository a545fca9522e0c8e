package io.valora.rating.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serde of {@link MeteredUsage} for the internal repartition topic
 * {@code usage-by-charge}. Every event crosses that topic once per meter, so its format is on the
 * hot path twice (written by resolution, read by rating): a fixed field order with length-prefixed
 * UTF-8 strings, decimals as scale and unscaled bytes (exact, scale kept), instants as seconds and
 * nanoseconds. The topic is private to this topology, so no schema registry or self-describing
 * format is needed; a leading format byte makes a reader refuse records of another format instead
 * of misreading them (an application reset is the upgrade path, see the README).
 */
final class MeteredUsageSerde implements Serde<MeteredUsage> {

    /** Format of the records this version writes; 1 (JSON) was the format before. */
    static final byte FORMAT = 2;
    private static final int NULL_LENGTH = -1;

    @Override
    public Serializer<MeteredUsage> serializer() {
        return (topic, usage) -> usage == null ? null : write(usage);
    }

    @Override
    public Deserializer<MeteredUsage> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(MeteredUsage usage) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            string(out, usage.tenant());
            string(out, usage.subscription());
            string(out, usage.customer());
            string(out, usage.meter());
            string(out, usage.group());
            Pricing pricing = usage.pricing();
            string(out, pricing.plan());
            out.writeInt(pricing.planVersion());
            string(out, pricing.currency());
            string(out, pricing.rounding());
            string(out, pricing.modelSpec());
            MeteredUsage.CalendarSpec calendar = usage.calendar();
            string(out, calendar.timeZone());
            string(out, calendar.cadence());
            string(out, calendar.anchor());
            MeteredUsage.Reading reading = usage.reading();
            string(out, reading.eventId());
            out.writeLong(reading.eventTime().getEpochSecond());
            out.writeInt(reading.eventTime().getNano());
            string(out, reading.aggregation());
            decimal(out, reading.value());
            string(out, reading.distinct());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metered usage", e);
        }
        return bytes.toByteArray();
    }

    static MeteredUsage read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
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
            Instant eventTime = Instant.ofEpochSecond(in.readLong(), in.readInt());
            MeteredUsage.Reading reading = new MeteredUsage.Reading(eventId, eventTime, string(in), decimal(in), string(in));
            return new MeteredUsage(tenant, subscription, customer, meter, group, pricing, calendar, reading);
        } catch (IOException e) {
            throw new SerializationException("cannot read metered usage", e);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        return new String(exactly(in, length), StandardCharsets.UTF_8);
    }

    private static void decimal(DataOutputStream out, BigDecimal value) throws IOException {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        byte[] unscaled = value.unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
        out.writeInt(value.scale());
    }

    private static BigDecimal decimal(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        return new BigDecimal(new BigInteger(exactly(in, length)), in.readInt());
    }

    /** The next {@code length} bytes; a record that ends sooner is refused, not read short. */
    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new SerializationException("metered usage truncated");
        }
        return bytes;
    }
}
