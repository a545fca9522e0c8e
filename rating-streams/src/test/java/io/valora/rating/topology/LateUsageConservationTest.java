package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.billing.money.Money;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conservation and money with arbitrary lateness: events spread over four months arrive shuffled,
 * so many land after their period closed. Whatever the order, per original period the period's
 * charge plus all its adjustment charges hold every event's quantity exactly once and cost
 * exactly the price of the period's total.
 */
class LateUsageConservationTest {

    private static final String PRICE = "0.0015";
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void billsEveryEventOnceAndPricesEachPeriodsTotalExactlyWhateverTheOrder(long seed) {
        Random random = new Random(seed);
        List<Object[]> events = new ArrayList<>();
        Map<Instant, BigDecimal> expected = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            Instant time = JAN.plus(Duration.ofHours(random.nextInt(24 * 120)));
            BigDecimal quantity = BigDecimal.valueOf(random.nextInt(400), 2); // 0.00 .. 3.99
            events.add(new Object[] {"e" + i, time, quantity});
            expected.merge(monthOf(time), quantity, BigDecimal::add);
        }
        Collections.shuffle(events, random);

        Map<String, RatedCharge> latest = new HashMap<>();
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir)
                .withPerUnitCatalog(PRICE, "cust-1")) {
            events.forEach(e -> rating.send((String) e[0], "cust-1", (Instant) e[1], ((BigDecimal) e[2]).toPlainString()));
            for (KeyValue<String, RatedCharge> kv : rating.charges.readKeyValuesToList()) {
                latest.merge(kv.key, kv.value, (a, b) -> b.getSequence() > a.getSequence() ? b : a);
            }
        }

        Map<Instant, BigDecimal> billedQuantity = new HashMap<>();
        Map<Instant, Long> billedAmount = new HashMap<>();
        latest.values().forEach(charge -> {
            Instant original = originalPeriodOf(charge);
            billedQuantity.merge(original, new BigDecimal(charge.getQuantity()), BigDecimal::add);
            billedAmount.merge(original, charge.getAmountMinor(), Long::sum);
        });
        assertThat(latest.keySet()).anyMatch(key -> ChargeKey.parse(key).adjustmentOf() != null); // the shuffle made late usage
        assertThat(billedQuantity.keySet()).isEqualTo(expected.keySet());
        RatingPolicy policy = RatingPolicy.of(java.util.Currency.getInstance("USD"));
        expected.forEach((period, total) -> {
            assertThat(billedQuantity.get(period)).as("quantity of %s", period).isEqualByComparingTo(total);
            long rated = policy.rate(new PerUnit(Money.of(PRICE, "USD")), total).toMinorUnits();
            assertThat(billedAmount.get(period)).as("amount of %s", period).isEqualTo(rated);
        });
    }

    private static Instant originalPeriodOf(RatedCharge charge) {
        return charge.getAdjustmentOf() == null ? charge.getPeriodStart() : charge.getAdjustmentOf();
    }

    private static Instant monthOf(Instant time) {
        return time.atZone(java.time.ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
