package io.valora.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.schemas.codec.RecordSerde;
import io.valora.schemas.codec.SingleObjectCodec;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SingleObjectCodecTest {

    private final SingleObjectCodec<RatedCharge> codec = SingleObjectCodec.of(RatedCharge.class);

    @Test
    void roundTripsARecordExactly() {
        RatedCharge charge = sampleCharge();

        RatedCharge decoded = codec.decode(codec.encode(charge));

        assertThat(decoded).isEqualTo(charge);
        assertThat(decoded.getQuantity()).isEqualTo("1234.000001");
    }

    @Test
    void carriesTheWriterSchemaFingerprintInEveryRecord() {
        byte[] bytes = codec.encode(sampleCharge());
        long fingerprint = SchemaNormalization.parsingFingerprint64(RatedCharge.getClassSchema());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long written = 0;
        for (int i = 9; i >= 2; i--) {
            written = (written << 8) | (bytes[i] & 0xFF);
        }
        assertThat(written).isEqualTo(fingerprint);
    }

    @Test
    void refusesBytesOfAnUnknownSchemaWithAClearMessage() {
        byte[] bytes = codec.encode(sampleCharge());
        bytes[5] ^= 0x5A; // a fingerprint no released schema has

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode a io.valora.schemas.RatedCharge");
    }

    @Test
    void serdeKeepsTombstonesNull() {
        RecordSerde<UsageEvent> serde = RecordSerde.singleObject(UsageEvent.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void serdeRoundTripsAUsageEvent() {
        RecordSerde<UsageEvent> serde = RecordSerde.singleObject(UsageEvent.class);
        UsageEvent event = UsageEvent.newBuilder()
                .setTenant("acme").setId("evt-1").setSource("svc").setType("api_call").setSubject("cust-1")
                .setTime(Instant.parse("2026-11-03T10:15:30Z")).setData("{\"value\":3}")
                .setReceivedAt(Instant.parse("2026-11-03T10:15:31Z")).build();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", event))).isEqualTo(event);
    }

    @Test
    void generatedSchemasHaveNoFloatingPointFields() {
        for (Schema schema : new Schema[] {RatedCharge.getClassSchema(), UsageEvent.getClassSchema()}) {
            assertThat(schema.getFields())
                    .as("money and quantities must be exact in %s", schema.getName())
                    .noneMatch(f -> f.schema().getType() == Schema.Type.DOUBLE || f.schema().getType() == Schema.Type.FLOAT);
        }
    }

    private static RatedCharge sampleCharge() {
        return RatedCharge.newBuilder()
                .setTenant("acme").setSubscription("cust-1").setCustomer("cust-1").setMeter("api_call")
                .setPeriodStart(Instant.parse("2026-11-01T00:00:00Z")).setPeriodEnd(Instant.parse("2026-12-01T00:00:00Z"))
                .setQuantity("1234.000001").setUnitPrice("0.0015").setAmountMinor(185).setCurrency("USD")
                .setEventCount(12).setSequence(7).setFinal$(false).build();
    }
}
