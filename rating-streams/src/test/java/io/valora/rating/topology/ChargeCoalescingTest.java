package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.schemas.RatedCharge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coalescing of charge updates (valora.rating.emit-interval): a quiet charge at once, a busy one once per interval with its latest value. */
class ChargeCoalescingTest {

    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");
    private static final String SUB1_NOV = RatingDriver.key("sub-cust-1", "api_call", "2026-11-01T00:00:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    private RatingDriver rating;

    @BeforeEach
    void start() {
        rating = new RatingDriver(new RatingSettings(Duration.ofDays(400), Duration.ofHours(1), null, Duration.ofSeconds(1)),
                stateDir, RatingMetrics.NONE, NOV).withPerUnitCatalog("0.01", "cust-1", "cust-2");
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void emitsAQuietChargeAtOnceAndABusyOneOncePerIntervalWithItsLatestValue() {
        String sub2Nov = RatingDriver.key("sub-cust-2", "api_call", "2026-11-01T00:00:00Z");
        rating.send("a", "cust-1", NOV, "1");
        rating.send("b", "cust-1", NOV.plusSeconds(1), "2");
        rating.send("c", "cust-2", NOV, "5");
        rating.send("d", "cust-1", NOV.plusSeconds(2), "3");
        assertThat(rating.charges.readKeyValuesToList()).as("the first change of each charge, at once")
                .extracting(kv -> kv.key, kv -> kv.value.getQuantity(), kv -> kv.value.getSequence())
                .containsExactly(tuple(SUB1_NOV, "1", 1L), tuple(sub2Nov, "5", 1L));

        rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        RatedCharge cust1 = rating.charges.readKeyValuesToList().stream().filter(kv -> kv.key.equals(SUB1_NOV))
                .collect(onlyElement()).value;
        assertThat(cust1.getQuantity()).as("the later changes, coalesced into the latest value").isEqualTo("6");
        assertThat(cust1.getSequence()).isEqualTo(3);
        assertThat(cust1.getAmountMinor()).isEqualTo(6);

        rating.send("e", "cust-1", NOV.plusSeconds(3), "4");
        assertThat(rating.charges.isEmpty()).as("emitted in the last round, so this change waits for the next").isTrue();
        rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(rating.charges.readKeyValuesToList()).singleElement()
                .satisfies(kv -> assertThat(kv.value.getSequence()).isEqualTo(4));

        rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(rating.charges.isEmpty()).as("unchanged charges are not emitted again").isTrue();
        rating.send("f", "cust-1", NOV.plusSeconds(4), "5");
        assertThat(rating.charges.readKeyValuesToList()).as("quiet for a whole round, so emitted at once").singleElement()
                .satisfies(kv -> assertThat(kv.value.getSequence()).isEqualTo(5));
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyElement() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
