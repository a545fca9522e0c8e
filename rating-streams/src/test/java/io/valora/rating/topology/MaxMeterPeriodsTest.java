package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code max} meter's quantity per charge, in the shape the reliability harness sends it: previous month, current
 * month with duplicates in shuffled order, a plan change mid-period, previous-month usage after the month is final.
 * The quantity of a period is the maximum of its usage per plan phase; the period's line plus its adjustments must add
 * up to it whatever the arrival order.
 */
class MaxMeterPeriodsTest {

    private static final String STORAGE = "storage_peak";
    private static final Instant CHANGE = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path stateDir;

    private RatingDriver rating;

    @AfterEach
    void stop() {
        if (rating != null) {
            rating.close();
        }
    }

    private void start(Duration emitInterval) {
        rating = new RatingDriver(new RatingSettings(Duration.ofDays(400), Duration.ofHours(1), null, emitInterval), stateDir,
                RatingMetrics.NONE);
        rating.meter(Catalogs.meter(RatingDriver.TENANT, STORAGE, STORAGE, "max", "value", List.of(), Map.of()));
        rating.plan(Catalogs.plan(RatingDriver.TENANT, "basic", 1, Map.of(STORAGE, Catalogs.perUnit("0.15"))));
        rating.plan(Catalogs.plan(RatingDriver.TENANT, "pro", 1, Map.of(STORAGE, Catalogs.perUnit("0.10"))));
        rating.subscription(Catalogs.subscription(RatingDriver.TENANT, "sub-c", "c", "Europe/Berlin", Catalogs.EPOCH_2020, null,
                List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, CHANGE), Catalogs.phase("pro", 1, CHANGE, null))));
    }

    @Test
    void quantitiesAreTheMaximaPerPeriodAndPlanWhateverTheOrderDuplicatesAndLateness() {
        start(Duration.ofSeconds(1));
        Random random = new Random(7);
        Instant octStart = Instant.parse("2026-09-30T22:00:00Z"); // October in Berlin
        Instant novStart = Instant.parse("2026-10-31T23:00:00Z");
        List<Object[]> previous = new ArrayList<>();
        List<Object[]> current = new ArrayList<>();
        List<Object[]> afterChange = new ArrayList<>();
        List<Object[]> late = new ArrayList<>();
        BigDecimal octMax = BigDecimal.ZERO;
        BigDecimal basicMax = BigDecimal.ZERO;
        BigDecimal proMax = BigDecimal.ZERO;
        for (int e = 0; e < 120; e++) {
            BigDecimal value = BigDecimal.valueOf(1 + random.nextInt(500));
            double at = random.nextDouble();
            Object[] event;
            if (at < 0.3 || at >= 0.9) {
                Instant time = octStart.plusSeconds((long) (random.nextDouble() * (novStart.getEpochSecond() - octStart.getEpochSecond())));
                event = new Object[] {"e" + e, time, value};
                (at < 0.3 ? previous : late).add(event);
                octMax = octMax.max(value);
            } else if (at < 0.7) {
                Instant time = novStart.plusSeconds((long) (random.nextDouble() * (CHANGE.getEpochSecond() - novStart.getEpochSecond())));
                current.add(new Object[] {"e" + e, time, value});
                basicMax = basicMax.max(value);
            } else {
                afterChange.add(new Object[] {"e" + e, CHANGE.plusMillis(1 + random.nextInt(2_000)), value});
                proMax = proMax.max(value);
            }
        }
        for (List<Object[]> phase : List.of(previous, current, afterChange, late)) {
            List<Object[]> order = new ArrayList<>(phase);
            order.addAll(phase.subList(0, phase.size() / 20)); // 5 % duplicate ids
            Collections.shuffle(order, random);
            order.forEach(ev -> rating.send(RatingDriver.event(RatingDriver.TENANT, (String) ev[0], "c", STORAGE,
                    (Instant) ev[1], "{\"value\":" + ev[2] + "}")));
            rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        }

        Map<String, RatedCharge> latest = rating.latest();
        BigDecimal total = latest.values().stream().map(c -> new BigDecimal(c.getQuantity())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(octMax.add(basicMax).add(proMax));
        long events = latest.values().stream().mapToLong(RatedCharge::getEventCount).sum();
        assertThat(events).isEqualTo(previous.size() + current.size() + afterChange.size() + late.size());
    }

    @Test
    void usageResolvedBeforeThePlanChangeReachesTheCatalogIsBilledUnderTheOldPlan() {
        start(null);
        // the catalog rating holds still ends basic nowhere: the change to pro is not published yet
        rating.subscription(Catalogs.subscription(RatingDriver.TENANT, "sub-c", "c", "Europe/Berlin", Catalogs.EPOCH_2020, null,
                List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, null))));
        send("current", Instant.parse("2026-11-10T00:00:00Z"), "300");
        send("after-1", CHANGE.plusMillis(5), "200");
        rating.subscription(Catalogs.subscription(RatingDriver.TENANT, "sub-c", "c", "Europe/Berlin", Catalogs.EPOCH_2020, null,
                List.of(Catalogs.phase("basic", 1, Catalogs.EPOCH_2020, CHANGE), Catalogs.phase("pro", 1, CHANGE, null))));
        send("after-2", CHANGE.plusMillis(10), "100");

        Map<String, RatedCharge> latest = rating.latest();
        String basic = RatingDriver.key("sub-c", STORAGE, ChargeKey.NO_GROUP, "basic@1", "2026-10-31T23:00:00Z");
        String pro = RatingDriver.key("sub-c", STORAGE, ChargeKey.NO_GROUP, "pro@1", "2026-10-31T23:00:00Z");
        assertThat(latest.get(basic).getQuantity()).as("after-1 priced with the catalog of its resolution").isEqualTo("300");
        assertThat(latest.get(basic).getEventCount()).isEqualTo(2);
        assertThat(latest.get(pro).getQuantity()).as("only what was resolved after the change").isEqualTo("100");
    }

    private void send(String id, Instant time, String value) {
        rating.send(RatingDriver.event(RatingDriver.TENANT, id, "c", STORAGE, time, "{\"value\":" + value + "}"));
    }
}
