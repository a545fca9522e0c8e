package io.valora.billing.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class MoneyPropertiesTest {

    @Property
    void minorUnitsRoundTrip(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minorUnits) {
        Money money = Money.ofMinorUnits(minorUnits, Currency.getInstance("BHD"));

        assertThat(money.toMinorUnits()).isEqualTo(minorUnits);
    }
}
