package io.valora.rating.serde;

import io.valora.billing.aggregation.Aggregate;
import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.aggregation.Count;
import io.valora.billing.aggregation.Latest;
import io.valora.billing.aggregation.Max;
import io.valora.billing.aggregation.Measurement;
import io.valora.billing.aggregation.Min;
import io.valora.billing.aggregation.Sum;
import io.valora.billing.aggregation.UniqueCount;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A billing-core {@link Aggregate} in the binary period state ({@link PeriodStateSerde}). The
 * whole state is kept, not just the quantity: {@code max}, {@code min} and {@code latest} need
 * their winner and {@code unique_count} its distinct values to stay exact over the period.
 * Decimals keep their scale and distinct values are written sorted, so equal states have equal
 * bytes. The kind is written by name, not by ordinal, so reordering the enum cannot misread state.
 */
final class AggregateCodec {

    private AggregateCodec() {
    }

    static void write(BinaryWriter out, Aggregate<?> aggregate) {
        BinaryFields.writeName(out, aggregate.kind().name());
        if (aggregate instanceof Sum sum) {
            BinaryFields.writeDecimal(out, sum.total());
        } else if (aggregate instanceof Count count) {
            out.writeLong(count.count());
        } else if (aggregate instanceof Max max) {
            BinaryFields.writeDecimal(out, max.value().orElse(null));
        } else if (aggregate instanceof Min min) {
            BinaryFields.writeDecimal(out, min.value().orElse(null));
        } else if (aggregate instanceof Latest latest) {
            out.writeBoolean(latest.latest().isPresent());
            if (latest.latest().isPresent()) {
                Measurement m = latest.latest().get();
                BinaryFields.writeString(out, m.eventId());
                BinaryFields.writeInstant(out, m.eventTime());
                BinaryFields.writeDecimal(out, m.value());
                BinaryFields.writeString(out, m.distinctValue());
            }
        } else if (aggregate instanceof UniqueCount unique) {
            out.writeInt(unique.values().size());
            for (String value : new TreeSet<>(unique.values())) {
                BinaryFields.writeString(out, value);
            }
        } else {
            throw new IllegalArgumentException("no binary form for aggregate " + aggregate.kind());
        }
    }

    static Aggregate<?> read(BinaryReader in) {
        String name = BinaryFields.readName(in);
        AggregationKind kind;
        try {
            kind = AggregationKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("unknown aggregation kind '" + name + "' in " + in.what(), e);
        }
        return switch (kind) {
            case SUM -> new Sum(BinaryFields.readDecimal(in));
            case COUNT -> new Count(in.readLong());
            case MAX -> new Max(Optional.ofNullable(BinaryFields.readDecimal(in)));
            case MIN -> new Min(Optional.ofNullable(BinaryFields.readDecimal(in)));
            case LATEST -> new Latest(in.readBoolean()
                    ? Optional.of(new Measurement(BinaryFields.readString(in), BinaryFields.readInstant(in),
                            BinaryFields.readDecimal(in), BinaryFields.readString(in)))
                    : Optional.empty());
            case UNIQUE_COUNT -> {
                int size = in.readInt();
                if (size < 0) {
                    throw new SerializationException(in.what() + " holds a negative count " + size);
                }
                Set<String> values = new HashSet<>();
                for (int i = 0; i < size; i++) {
                    values.add(BinaryFields.readString(in));
                }
                yield new UniqueCount(values);
            }
        };
    }

}
