package io.valora.invoice.charges;

import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.RatedCharge;
import io.valora.schemas.codec.RecordSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Upgrade skew (a valid header, an unknown fingerprint) is told apart from garbage. */
class ChargeDecoderTest {

    private final ChargeDecoder decoder = new ChargeDecoder();

    @Test
    void decodesACurrentRecord() {
        byte[] value = RecordSerde.singleObject(RatedCharge.class).serializer()
                .serialize("rated-charges", charge("t", "s", "m", "2026-11-01T00:00:00Z").build());
        assertThat(decoder.decode(record(value))).isInstanceOf(Decoded.Charge.class);
    }

    @Test
    void callsAnUnknownFingerprintBehindAValidHeaderUpgradeSkew() {
        byte[] value = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0};
        assertThat(decoder.decode(record(value))).isInstanceOfSatisfying(Decoded.UnknownSchema.class,
                u -> assertThat(u.reason()).contains("rated-charges-2 offset 7").contains("0807060504030201"));
    }

    @Test
    void callsEverythingElseUndecodable() {
        assertThat(decoder.decode(record("not avro".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(Decoded.Undecodable.class);
        assertThat(decoder.decode(record(new byte[] {(byte) 0xC3, 0x01}))).isInstanceOf(Decoded.Undecodable.class);
        assertThat(decoder.decode(record(null))).isInstanceOf(Decoded.Tombstone.class);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("rated-charges", 2, 7, "k".getBytes(StandardCharsets.UTF_8), value);
    }
}
