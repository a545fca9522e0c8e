package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.PriceModelSpec;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.UsageEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Order and replay independence (issue 5): random usage streams over three months, rated once in
 * event-time order and once shuffled with part of the stream replayed, give the same charges.
 * With a grace longer than the stream nothing is late, so the last value per key is identical;
 * with a one-hour grace much usage is late and which period carries an adjustment depends on the
 * order, but per original period the charges and their adjustments hold the same quantity and
 * exactly the same amount.
 */
class ReplayPropertiesTest {

    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final List<String> METERS = List.of("sum", "max", "unique_count");
    private static Path stateDir;

    @BeforeContainer
    static void createStateDir() throws IOException {
        stateDir = Files.createTempDirectory("replay-properties");
    }

    @AfterContainer
    static void deleteStateDir() throws IOException {
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Property(tries = 15)
    void shuffledAndReplayedStreamsGiveIdenticalChargesPerKey(@ForAll("streams") List<UsageEvent> events, @ForAll Random random) {
        Map<String, RatedCharge> inOrder = rate(inTimeOrder(events), Duration.ofDays(400));
        Map<String, RatedCharge> shuffled = rate(shuffledWithReplays(events, random), Duration.ofDays(400));

        assertThat(shuffled).isEqualTo(inOrder);
    }

    @Property(tries = 15)
    void lateUsageKeepsEveryPeriodsQuantityAndAmountWhateverTheOrder(@ForAll("streams") List<UsageEvent> events,
            @ForAll Random random) {
        Map<String, BigDecimal[]> expected = perOriginalPeriod(rate(inTimeOrder(events), Duration.ofDays(400)));
        Map<String, BigDecimal[]> actual = perOriginalPeriod(rate(shuffledWithReplays(events, random), Duration.ofHours(1)));

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((period, totals) -> {
            assertThat(actual.get(period)[0]).as("quantity of %s", period).isEqualByComparingTo(totals[0]);
            assertThat(actual.get(period)[1]).as("amount of %s", period).isEqualByComparingTo(totals[1]);
        });
    }

    @Provide
    Arbitrary<List<UsageEvent>> streams() {
        Arbitrary<UsageEvent> event = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 24 * 91 - 1),
                Arbitraries.integers().between(0, 40_000),
                Arbitraries.of("ann", "bob", "cyd", "dee"))
                .as((customer, hour, cents, user) -> RatingDriver.event("demo", "", "cust-" + customer, "usage",
                        START.plus(Duration.ofHours(hour)),
                        "{\"value\":" + BigDecimal.valueOf(cents, 2).toPlainString() + ",\"user\":\"" + user + "\"}"));
        return event.list().ofMinSize(1).ofMaxSize(40).map(list -> {
            List<UsageEvent> withIds = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                withIds.add(UsageEvent.newBuilder(list.get(i)).setId("e" + i).build());
            }
            return withIds;
        });
    }

    private static Map<String, RatedCharge> rate(List<UsageEvent> events, Duration grace) {
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(grace), stateDir)) {
            Map<String, PriceModelSpec> prices = new HashMap<>();
            for (String aggregation : METERS) {
                rating.meter(Catalogs.meter("demo", aggregation, "usage", aggregation,
                        aggregation.equals("unique_count") ? "user" : "value", List.of(), Map.of()));
                prices.put(aggregation, Catalogs.tiered("graduated", "100", "0.013", null, "0.0071"));
            }
            rating.plan(Catalogs.plan("demo", "basic", 1, prices));
            rating.subscription(Catalogs.subscription("demo", "sub-0", "cust-0", "basic", 1));
            rating.subscription(Catalogs.subscription("demo", "sub-1", "cust-1", "America/New_York", Catalogs.EPOCH_2020, null,
                    List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, null))));
            events.forEach(rating::send);
            return rating.latest();
        }
    }

    private static List<UsageEvent> inTimeOrder(List<UsageEvent> events) {
        List<UsageEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(UsageEvent::getTime));
        return sorted;
    }

    private static List<UsageEvent> shuffledWithReplays(List<UsageEvent> events, Random random) {
        List<UsageEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, random);
        shuffled.addAll(shuffled.subList(0, random.nextInt(shuffled.size() + 1))); // a producer retrying a batch
        return shuffled;
    }

    /** Quantity and amount per subscription, meter and original period (adjustments counted with the period they correct). */
    private static Map<String, BigDecimal[]> perOriginalPeriod(Map<String, RatedCharge> charges) {
        Map<String, BigDecimal[]> totals = new HashMap<>();
        charges.values().forEach(c -> {
            Instant original = c.getAdjustmentOf() == null ? c.getPeriodStart() : c.getAdjustmentOf();
            BigDecimal[] sum = totals.computeIfAbsent(c.getSubscription() + "/" + c.getMeter() + "/" + original,
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(new BigDecimal(c.getQuantity()));
            sum[1] = sum[1].add(BigDecimal.valueOf(c.getAmountMinor()));
        });
        return totals;
    }
}
