package io.valora.rating.rate;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes of the {@code rated-charges} keys rating writes. They are also the keys of its
 * period-state store and the charge ids invoice-service stores, so a changed byte would orphan
 * state and duplicate charges: the expected strings were recorded from the keys rating wrote
 * before the format moved to {@code io.valora.schemas.ChargeKey}.
 */
class ChargeKeysTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void writesThePeriodKeyWithoutGroupAsBefore() {
        assertThat(ChargeKeys.period(usage(null), NOV)).isEqualTo("acme/sub_0a1b/api_call/-/basic@3/1793491200000");
    }

    @Test
    void writesThePeriodKeyWithEncodedGroupAsBefore() {
        assertThat(ChargeKeys.period(usage("region=eu&tier=gold%2Fplus"), NOV))
                .isEqualTo("acme/sub_0a1b/api_call/region=eu&tier=gold%2Fplus/basic@3/1793491200000");
    }

    @Test
    void writesTheAdjustmentKeyAsBefore() {
        assertThat(ChargeKeys.adjustment(usage(null), NOV, OCT))
                .isEqualTo("acme/sub_0a1b/api_call/-/basic@3/1793491200000/adjustment-of/1790812800000");
    }

    @Test
    void writesPeriodsBeforeTheEpochAsNegativeMillisAsBefore() {
        assertThat(ChargeKeys.period(usage(null), Instant.parse("1969-12-31T23:59:59Z")))
                .isEqualTo("acme/sub_0a1b/api_call/-/basic@3/-1000");
    }

    private static MeteredUsage usage(String group) {
        // the key reads only identities and the plan phase: calendar, reading and price model stay empty
        return new MeteredUsage("acme", "sub_0a1b", "cust-1", "api_call", group,
                new Pricing("basic", 3, "EUR", "HALF_EVEN", ""), null, null);
    }
}
