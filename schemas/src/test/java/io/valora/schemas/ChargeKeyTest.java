package io.valora.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rated-charge key format. The expected strings are the keys rating-streams wrote before the
 * format moved here (rating's {@code ChargeKeysTest} pins the same bytes from its side).
 */
class ChargeKeyTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void writesAPeriodKeyWithDashForNoGroup() {
        assertThat(key(null, null).text()).isEqualTo("acme/sub_0a1b/api_call/-/basic@3/1793491200000");
    }

    @Test
    void writesTheCanonicalGroupAsIs() {
        assertThat(key("region=eu&tier=gold%2Fplus", null).text())
                .isEqualTo("acme/sub_0a1b/api_call/region=eu&tier=gold%2Fplus/basic@3/1793491200000");
    }

    @Test
    void appendsTheLatePeriodToAnAdjustmentKey() {
        assertThat(key(null, OCT).text())
                .isEqualTo("acme/sub_0a1b/api_call/-/basic@3/1793491200000/adjustment-of/1790812800000");
    }

    @Test
    void writesAnAbsentPlanPhaseAsNullAtNull() {
        ChargeKey beforeCatalog = new ChargeKey("acme", "sub_0a1b", "api_call", null, null, null, NOV, null);

        assertThat(beforeCatalog.text()).isEqualTo("acme/sub_0a1b/api_call/-/null@null/1793491200000");
        assertThat(ChargeKey.parse(beforeCatalog.text())).isEqualTo(beforeCatalog);
    }

    @Test
    void readsItsPartsFromARecordValue() {
        RatedCharge charge = RatedCharge.newBuilder().setTenant("acme").setSubscription("sub_0a1b").setCustomer("cust-1")
                .setMeter("api_call").setGroup("region=eu").setPlan("basic").setPlanVersion(3).setPeriodStart(NOV)
                .setPeriodEnd(DEC).setAdjustmentOf(OCT).setQuantity("1").setUnitPrice("0.01").setAmountMinor(1)
                .setCurrency("EUR").setEventCount(1).setSequence(1).build();

        assertThat(ChargeKey.of(charge)).isEqualTo(key("region=eu", OCT));
    }

    @Test
    void parsesAnAdjustmentKeyBackIntoItsParts() {
        assertThat(ChargeKey.parse("acme/sub_0a1b/api_call/region=eu/basic@3/1793491200000/adjustment-of/1790812800000"))
                .isEqualTo(key("region=eu", OCT));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
        "acme/sub_0a1b/api_call/-/basic@3",                                    // no period
        "acme/sub_0a1b/api_call/-/basic@3/1793491200000/1790812800000",        // seven parts
        "acme/sub_0a1b/api_call/-/basic@3/1793491200000/adjusted/1790812800000", // not adjustment-of
        "acme/sub_0a1b/api/call/-/basic@3/1793491200000",                      // a part with '/': seven parts
        "acme/sub_0a1b/api_call/-/basic/1793491200000",                        // no @version
        "acme/sub_0a1b/api_call/-/basic@three/1793491200000",                  // version not a number
        "acme/sub_0a1b/api_call/-/basic@3/2026-11-01T00:00:00Z",               // the stale instant form
        "acme/sub_0a1b/api_call/2026-11-01T00:00:00Z"                          // the stale four-part form
    })
    void refusesTextThatIsNotExactlyAChargeKey(String text) {
        assertThatThrownBy(() -> ChargeKey.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChargeKey key(String group, Instant adjustmentOf) {
        return new ChargeKey("acme", "sub_0a1b", "api_call", group, "basic", 3, NOV, adjustmentOf);
    }
}
