package io.valora.rating.serde;

import io.valora.rating.model.PeriodState;
import io.valora.schemas.RatedCharge;
import java.time.Instant;
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
        BinaryWriter out = new BinaryWriter(320);
        out.writeByte(FORMAT);
        out.writeBoolean(state.aggregate() != null);
        if (state.aggregate() != null) {
            AggregateCodec.write(out, state.aggregate());
        }
        out.writeBoolean(state.charge() != null);
        if (state.charge() != null) {
            writeCharge(out, state.charge());
        }
        return out.toByteArray();
    }

    static PeriodState read(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes, WHAT);
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new SerializationException(WHAT + " of format " + format + ", this version reads " + FORMAT
                    + ": local state of another version must be reset (see the rating-streams README)");
        }
        var aggregate = in.readBoolean() ? AggregateCodec.read(in) : null;
        RatedCharge charge = in.readBoolean() ? readCharge(in) : null;
        return new PeriodState(aggregate, charge);
    }

    private static void writeCharge(BinaryWriter out, RatedCharge charge) {
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

    /**
     * Through the all-fields constructor, in schema order, not the builder: the builder validates
     * and copies every field, a visible cost on a read per event. The field-by-field test
     * ({@code PeriodStateSerdeTest}) catches a schema change that moves or adds a field.
     */
    private static RatedCharge readCharge(BinaryReader in) {
        String tenant = BinaryFields.readString(in);
        String subscription = BinaryFields.readString(in);
        String customer = BinaryFields.readString(in);
        String meter = BinaryFields.readString(in);
        Instant periodStart = BinaryFields.readInstant(in);
        Instant periodEnd = BinaryFields.readInstant(in);
        String quantity = BinaryFields.readString(in);
        String unitPrice = BinaryFields.readString(in);
        long amountMinor = in.readLong();
        String currency = BinaryFields.readString(in);
        long eventCount = in.readLong();
        long sequence = in.readLong();
        boolean isFinal = in.readBoolean();
        String group = BinaryFields.readString(in);
        String plan = BinaryFields.readString(in);
        Integer planVersion = in.readBoolean() ? in.readInt() : null;
        Instant adjustmentOf = in.readBoolean() ? BinaryFields.readInstant(in) : null;
        return new RatedCharge(tenant, subscription, customer, meter, periodStart, periodEnd, quantity, unitPrice,
                amountMinor, currency, eventCount, sequence, isFinal, group, plan, planVersion, adjustmentOf);
    }
}
