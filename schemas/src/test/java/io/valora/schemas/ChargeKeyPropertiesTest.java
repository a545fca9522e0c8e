package io.valora.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Round trips of the rated-charge key: whatever rating can put in a key comes back out of
 * {@link ChargeKey#parse}, and a part that breaks the no-{@code /} rule is refused, never misread.
 */
class ChargeKeyPropertiesTest {

    @Property
    void parseGivesBackThePartsTheKeyWasBuiltFrom(@ForAll("keys") ChargeKey key) {
        assertThat(ChargeKey.parse(key.text())).isEqualTo(key);
    }

    @Property
    void everyKeyOfASubscriptionStartsWithItsPrefix(@ForAll("keys") ChargeKey key) {
        assertThat(key.text()).startsWith(ChargeKey.subscriptionPrefix(key.tenant(), key.subscription()));
    }

    @Property
    void equalPartsWriteEqualBytesAndDifferentPartsDifferentBytes(@ForAll("keys") ChargeKey a, @ForAll("keys") ChargeKey b) {
        assertThat(a.text().equals(b.text())).isEqualTo(a.equals(b));
    }

    @Property
    void aGroupWithSlashesIsRefusedNotMisread(@ForAll("keys") ChargeKey key,
            @ForAll @StringLength(min = 1, max = 5) @CharRange(from = 'a', to = 'c') String left,
            @ForAll @StringLength(min = 1, max = 5) @CharRange(from = 'a', to = 'c') String right) {
        // an un-encoded value: rating's canonical groups never hold '/', so parse must not guess
        ChargeKey slashed = new ChargeKey(key.tenant(), key.subscription(), key.meter(), left + "=" + right + "/" + right,
                key.plan(), key.planVersion(), key.periodStart(), key.adjustmentOf());

        assertThatThrownBy(() -> ChargeKey.parse(slashed.text())).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<ChargeKey> keys() {
        Arbitrary<String> catalogKey = Arbitraries.strings().withChars("abcxyz019._-").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> subscription = Arbitraries.strings().withChars("0123456789abcdef").ofLength(8).map(hex -> "sub_" + hex);
        Arbitrary<Instant> millis = Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L).map(Instant::ofEpochMilli);
        Arbitrary<Plan> plan = Combinators.combine(catalogKey, Arbitraries.integers().between(1, 1000)).as(Plan::new)
                .injectNull(0.1);
        return Combinators.combine(catalogKey, subscription, catalogKey, groups(), plan, millis, millis.injectNull(0.5))
                .as((tenant, sub, meter, group, phase, start, late) -> new ChargeKey(tenant, sub, meter, group,
                        phase == null ? null : phase.key(), phase == null ? null : phase.version(), start, late));
    }

    /** Canonical groups as rating makes them: URL-encoded {@code key=value} pairs joined by {@code &}, or none. */
    private static Arbitrary<String> groups() {
        Arbitrary<String> text = Arbitraries.strings().withChars("az09 /&=@-%é").ofMinLength(1).ofMaxLength(8)
                .map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8));
        return Combinators.combine(text, text).as((key, value) -> key + "=" + value).list().ofMinSize(1).ofMaxSize(3)
                .map(pairs -> String.join("&", pairs)).injectNull(0.3);
    }

    private record Plan(String key, int version) {
    }
}
