package io.valora.rating.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.aggregation.AggregationKind;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
import io.valora.rating.topology.Catalogs;
import io.valora.schemas.PriceModelSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The repartition topic's binary format keeps every field exactly, including decimal scale and null parts. */
class MeteredUsageSerdeTest {

    private final MeteredUsageSerde serde = new MeteredUsageSerde();

    @ParameterizedTest
    @EnumSource(AggregationKind.class)
    void shouldReadBackEveryFieldWhenWrittenForEachAggregation(AggregationKind kind) {
        MeteredUsage usage = usage("acme", "region=eu-west&tier=gold", kind, new BigDecimal("1.50"), "user-\u00e9\u4e2d");

        MeteredUsage read = roundTrip(usage);

        assertThat(read).isEqualTo(usage);
        assertThat(read.reading().value().scale()).isEqualTo(2);
        assertThat(read.pricing().model()).isEqualTo(usage.pricing().model());
    }

    @Test
    void shouldKeepNullGroupAndNanosecondsAndLargeDecimals() {
        MeteredUsage usage = usage("t", null, AggregationKind.SUM, new BigDecimal("-123456789012345678901234567890.000000001"), null);
        MeteredUsage withNanos = new MeteredUsage(usage.tenant(), usage.subscription(), usage.customer(), usage.meter(), null,
                usage.pricing(), usage.calendar(), new MeteredUsage.Reading("e", Instant.parse("2026-11-10T08:00:00.123456789Z"),
                        "SUM", new BigDecimal("0E-7"), null));

        assertThat(roundTrip(usage)).isEqualTo(usage);
        assertThat(roundTrip(withNanos)).isEqualTo(withNanos);
        assertThat(roundTrip(withNanos).reading().value().scale()).isEqualTo(7);
    }

    @Test
    void shouldRefuseRecordsOfTheOlderJsonFormat() {
        byte[] json = "{\"tenant\":\"acme\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("reset");
    }

    @Test
    void shouldCarryTheUsageEventsBytesSoRatingCanRejectTheEventAfterTheHop() {
        MeteredUsage plain = usage("acme", null, AggregationKind.SUM, BigDecimal.TEN, "10");
        MeteredUsage withSource = new MeteredUsage(plain.tenant(), plain.subscription(), plain.customer(), plain.meter(),
                plain.group(), plain.pricing(), plain.calendar(), plain.reading(), new byte[] {0, 1, 2, 3, (byte) 0xff});

        assertThat(roundTrip(withSource)).isEqualTo(withSource);
        assertThat(roundTrip(withSource).source()).containsExactly(0, 1, 2, 3, 0xff);
        assertThat(roundTrip(plain).source()).isNull();
    }

    @Test
    void shouldStillReadFormat2RecordsWrittenByTheVersionBefore() {
        MeteredUsage plain = usage("acme", "region=eu", AggregationKind.MAX, new BigDecimal("2.5"), "2.5");
        byte[] format3 = serde.serializer().serialize("t", plain);
        // format 2 is format 3 without the trailing length of the (absent) event bytes
        byte[] format2 = java.util.Arrays.copyOf(format3, format3.length - 4);
        format2[0] = 2;

        assertThat(serde.deserializer().deserialize("t", format2)).isEqualTo(plain);
    }

    private MeteredUsage roundTrip(MeteredUsage usage) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", usage));
    }

    private static MeteredUsage usage(String tenant, String group, AggregationKind kind, BigDecimal value, String distinct) {
        PriceModelSpec spec = Catalogs.perUnit("0.0025");
        Pricing pricing = Pricing.of("pro", 3, "EUR", "HALF_EVEN", spec);
        return new MeteredUsage(tenant, "sub-1", "cust-\u00fc", "api_call", group, pricing,
                new MeteredUsage.CalendarSpec("Europe/Berlin", "MONTHLY", "2026-01-15T00:00"),
                new MeteredUsage.Reading("evt-1", Instant.parse("2026-11-10T08:00:00Z"), kind.name(), value, distinct));
    }
}
