package io.valora.invoice.charges;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.RatedCharge;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The charge id invoice-service stores for a rated charge. A record without key gets the key
 * rating would have written; the expected strings were recorded from the ids stored before the
 * format moved to {@code io.valora.schemas.ChargeKey}, so existing rows keep matching.
 */
class ChargeRowTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void keepsTheRecordKeyWhenPresent() {
        assertThat(ChargeRow.from("any/opaque/key", charge().build()).chargeKey()).isEqualTo("any/opaque/key");
    }

    @Test
    void buildsThePeriodKeyWhenTheRecordHasNone() {
        assertThat(ChargeRow.from(null, charge().build()).chargeKey())
                .isEqualTo("acme/sub_0a1b/api_call/-/basic@3/1793491200000");
        assertThat(ChargeRow.from("", charge().setGroup("region=eu").build()).chargeKey())
                .isEqualTo("acme/sub_0a1b/api_call/region=eu/basic@3/1793491200000");
    }

    @Test
    void buildsTheAdjustmentKeyWhenTheRecordHasNone() {
        assertThat(ChargeRow.from(null, charge().setAdjustmentOf(OCT).build()).chargeKey())
                .isEqualTo("acme/sub_0a1b/api_call/-/basic@3/1793491200000/adjustment-of/1790812800000");
    }

    @Test
    void writesAnAbsentPlanAsNullLikeBefore() {
        assertThat(ChargeRow.from(null, charge().setPlan(null).setPlanVersion(null).build()).chargeKey())
                .isEqualTo("acme/sub_0a1b/api_call/-/null@null/1793491200000");
    }

    private static RatedCharge.Builder charge() {
        return RatedCharge.newBuilder().setTenant("acme").setSubscription("sub_0a1b").setCustomer("cust-1")
                .setMeter("api_call").setPeriodStart(NOV).setPeriodEnd(DEC).setQuantity("12").setUnitPrice("0.01")
                .setAmountMinor(12).setCurrency("EUR").setEventCount(2).setSequence(5).setFinal$(false)
                .setPlan("basic").setPlanVersion(3);
    }
}
