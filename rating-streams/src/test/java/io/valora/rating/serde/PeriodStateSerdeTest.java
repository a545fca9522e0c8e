package io.valora.rating.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.aggregation.Aggregate;
import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.aggregation.Count;
import io.valora.billing.aggregation.Latest;
import io.valora.billing.aggregation.Max;
import io.valora.billing.aggregation.Measurement;
import io.valora.billing.aggregation.Min;
import io.valora.billing.aggregation.Sum;
import io.valora.billing.aggregation.UniqueCount;
import io.valora.rating.model.PeriodState;
import io.valora.schemas.RatedCharge;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The period state's binary format keeps every aggregate and every charge field exactly. */
class PeriodStateSerdeTest {

    private static final Instant T = Instant.parse("2026-11-10T08:00:00.123456789Z");

    @ParameterizedTest
    @EnumSource(AggregationKind.class)
    void shouldReadBackEveryAggregationWithItsFullState(AggregationKind kind) {
        PeriodState state = new PeriodState(filled(kind), fullCharge());

        PeriodState read = roundTrip(state);

        assertThat(read.aggregate()).isEqualTo(state.aggregate());
        assertThat(read.aggregate().quantity()).isEqualByComparingTo(state.aggregate().quantity());
        assertThat(read.charge()).isEqualTo(state.charge());
    }

    @ParameterizedTest
    @EnumSource(AggregationKind.class)
    void shouldReadBackEmptyAggregates(AggregationKind kind) {
        PeriodState state = new PeriodState(kind.empty(), null);

        assertThat(roundTrip(state)).isEqualTo(state);
    }

    @Test
    void shouldKeepDecimalScaleAndNanoseconds() {
        PeriodState state = new PeriodState(new Sum(new BigDecimal("-123456789012345678901234567890.000000001")), null);
        PeriodState latest = new PeriodState(new Latest(Optional.of(Measurement.of("e", T, new BigDecimal("0E-7")))), null);

        assertThat(((Sum) roundTrip(state).aggregate()).total().scale()).isEqualTo(9);
        assertThat(roundTrip(state)).isEqualTo(state);
        assertThat(((Latest) roundTrip(latest).aggregate()).latest().orElseThrow().eventTime()).isEqualTo(T);
        assertThat(((Latest) roundTrip(latest).aggregate()).latest().orElseThrow().value().scale()).isEqualTo(7);
    }

    @Test
    void shouldCarryEveryFieldOfTheChargeSchema() {
        RatedCharge charge = fullCharge();
        RatedCharge read = roundTrip(new PeriodState(null, charge)).charge();

        // a field added to RatedCharge that this codec does not write comes back as null/default and fails here
        for (Schema.Field field : RatedCharge.getClassSchema().getFields()) {
            assertThat(charge.get(field.pos())).as("test data sets %s", field.name()).isNotNull();
            assertThat(read.get(field.pos())).as(field.name()).isEqualTo(charge.get(field.pos()));
        }
        assertThat(RatedCharge.getClassSchema().getFields()).hasSize(17);
    }

    @Test
    void shouldKeepAbsentOptionalChargeFields() {
        RatedCharge charge = RatedCharge.newBuilder(fullCharge()).setGroup(null).setPlan(null).setPlanVersion(null)
                .setAdjustmentOf(null).build();

        assertThat(roundTrip(new PeriodState(null, charge)).charge()).isEqualTo(charge);
    }

    @Test
    void shouldWriteEqualUniqueCountsAsEqualBytes() {
        Set<String> forward = new LinkedHashSet<>(List.of("a", "b", "c"));
        Set<String> backward = new LinkedHashSet<>(List.of("c", "b", "a"));

        assertThat(PeriodStateSerde.write(new PeriodState(new UniqueCount(forward), null)))
                .isEqualTo(PeriodStateSerde.write(new PeriodState(new UniqueCount(backward), null)));
    }

    @ParameterizedTest
    @EnumSource(AggregationKind.class)
    void shouldReadAndWriteTheBytesEarlierVersionsStored(AggregationKind kind) throws IOException {
        byte[] stored = storedFormat1().get(kind.name());
        PeriodState state = new PeriodState(filled(kind), fullCharge());

        assertThat(PeriodStateSerde.read(stored)).isEqualTo(state);
        assertThat(PeriodStateSerde.write(state)).isEqualTo(stored);
    }

    @Test
    void shouldRefuseAnotherFormat() {
        byte[] bytes = PeriodStateSerde.write(new PeriodState(new Count(3), fullCharge()));
        bytes[0] = (byte) (PeriodStateSerde.FORMAT + 1);

        assertThatThrownBy(() -> PeriodStateSerde.read(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reset");
    }

    @Test
    void shouldRefuseATruncatedValueInsteadOfReadingItShort() {
        byte[] bytes = PeriodStateSerde.write(new PeriodState(new UniqueCount(Set.of("user-1", "user-2")), fullCharge()));

        for (int length : new int[] {2, 10, bytes.length / 2, bytes.length - 1}) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> PeriodStateSerde.read(cut)).as("cut at %d", length)
                    .isInstanceOf(SerializationException.class);
        }
    }

    /** Values written by the DataOutputStream-based codec (the test resource says how they were made). */
    private static Map<String, byte[]> storedFormat1() throws IOException {
        try (InputStream in = PeriodStateSerdeTest.class.getResourceAsStream("/period-state-format-1.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split(" "))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> HexFormat.of().parseHex(kv[1])));
        }
    }

    private static PeriodState roundTrip(PeriodState state) {
        PeriodStateSerde serde = new PeriodStateSerde();
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));
    }

    private static Aggregate<?> filled(AggregationKind kind) {
        return switch (kind) {
            case SUM -> new Sum(new BigDecimal("12.50"));
            case COUNT -> new Count(42);
            case MAX -> new Max(Optional.of(new BigDecimal("7.000")));
            case MIN -> new Min(Optional.of(new BigDecimal("-0.5")));
            case LATEST -> new Latest(Optional.of(new Measurement("evt-9", T, new BigDecimal("3.10"), "3.1")));
            case UNIQUE_COUNT -> new UniqueCount(Set.of("user-\u00e9", "user-\u4e2d", "user-1"));
        };
    }

    private static RatedCharge fullCharge() {
        return RatedCharge.newBuilder()
                .setTenant("acme").setSubscription("sub-1").setCustomer("cust-\u00e9").setMeter("tokens")
                .setPeriodStart(Instant.parse("2026-11-01T00:00:00Z")).setPeriodEnd(Instant.parse("2026-12-01T00:00:00Z"))
                .setQuantity("1234.5600").setUnitPrice("0.0025").setAmountMinor(309).setCurrency("EUR")
                .setEventCount(17).setSequence(18).setFinal$(true)
                .setGroup("region=eu").setPlan("pro").setPlanVersion(3)
                .setAdjustmentOf(Instant.parse("2026-10-01T00:00:00Z"))
                .build();
    }
}
