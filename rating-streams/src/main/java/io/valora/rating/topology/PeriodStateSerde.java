package io.valora.rating.topology;

import io.valora.schemas.RatedCharge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serde of {@link PeriodState}, the value of the period state store and its
 * changelog. Every rated event reads and writes one such value, so the format is on the hot path:
 * a fixed field order in {@link BinaryFields}' encodings, the aggregate by {@link AggregateCodec},
 * the charge field by field (its Avro form, with a writer and a growing buffer per record, was a
 * visible share of rating's CPU). Local state only, never a contract: a leading format byte makes
 * a reader refuse another format instead of misreading it (upgrades reset state, see the README).
 * Every field of {@code RatedCharge} must be written here; {@code PeriodStateSerdeTest} fails when
 * the schema gains one this codec does not carry.
 */
public final class PeriodStateSerde implements Serde<PeriodState> {

    /** Format of the values this version writes. */
    static final byte FORMAT = 1;
    private static final String WHAT = "period state";

    @Override
    public Serializer<PeriodState> serializer() {
        return (topic, state) -> state == null ? null : write(state);
    }

    @Override
    public Deserializer<PeriodState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(PeriodState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(320);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeBoolean(state.aggregate() != null);
            if (state.aggregate() != null) {
                AggregateCodec.write(out, state.aggregate());
            }
            out.writeBoolean(state.charge() != null);
            if (state.charge() != null) {
                writeCharge(out, state.charge());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + WHAT, e);
        }
        return bytes.toByteArray();
    }

    static PeriodState read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException(WHAT + " of format " + format + ", this version reads " + FORMAT
                        + ": local state of another version must be reset (see the rating-streams README)");
            }
            var aggregate = in.readBoolean() ? AggregateCodec.read(in) : null;
            RatedCharge charge = in.readBoolean() ? readCharge(in) : null;
            return new PeriodState(aggregate, charge);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + WHAT, e);
        }
    }

    private static void writeCharge(DataOutputStream out, RatedCharge charge) throws IOException {
        BinaryFields.writeString(out, charge.getTenant());
        BinaryFields.writeString(out, charge.getSubscription());
        BinaryFields.writeString(out, charge.getCustomer());
        BinaryFields.writeString(out, charge.getMeter());
        BinaryFields.writeInstant(out, charge.getPeriodStart());
        BinaryFields.writeInstant(out, charge.getPeriodEnd());
        BinaryFields.writeString(out, charge.getQuantity());
        BinaryFields.writeString(out, charge.getUnitPrice());
        out.writeLong(charge.getAmountMinor());
        BinaryFields.writeString(out, charge.getCurrency());
        out.writeLong(charge.getEventCount());
        out.writeLong(charge.getSequence());
        out.writeBoolean(charge.getFinal$());
        BinaryFields.writeString(out, charge.getGroup());
        BinaryFields.writeString(out, charge.getPlan());
        out.writeBoolean(charge.getPlanVersion() != null);
        if (charge.getPlanVersion() != null) {
            out.writeInt(charge.getPlanVersion());
        }
        out.writeBoolean(charge.getAdjustmentOf() != null);
        if (charge.getAdjustmentOf() != null) {
            BinaryFields.writeInstant(out, charge.getAdjustmentOf());
        }
    }

    private static RatedCharge readCharge(DataInputStream in) throws IOException {
        return RatedCharge.newBuilder()
                .setTenant(BinaryFields.readString(in, WHAT))
                .setSubscription(BinaryFields.readString(in, WHAT))
                .setCustomer(BinaryFields.readString(in, WHAT))
                .setMeter(BinaryFields.readString(in, WHAT))
                .setPeriodStart(BinaryFields.readInstant(in))
                .setPeriodEnd(BinaryFields.readInstant(in))
                .setQuantity(BinaryFields.readString(in, WHAT))
                .setUnitPrice(BinaryFields.readString(in, WHAT))
                .setAmountMinor(in.readLong())
                .setCurrency(BinaryFields.readString(in, WHAT))
                .setEventCount(in.readLong())
                .setSequence(in.readLong())
                .setFinal$(in.readBoolean())
                .setGroup(BinaryFields.readString(in, WHAT))
                .setPlan(BinaryFields.readString(in, WHAT))
                .setPlanVersion(in.readBoolean() ? in.readInt() : null)
                .setAdjustmentOf(in.readBoolean() ? BinaryFields.readInstant(in) : null)
                .build();
    }
}
