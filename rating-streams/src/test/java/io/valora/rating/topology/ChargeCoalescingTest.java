package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.RatedCharge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coalescing of charge updates (valora.rating.emit-interval): fewer records, the same latest values. */
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
    void emitsEachChangedChargeOncePerIntervalWithItsLatestValue() {
        rating.send("a", "cust-1", NOV, "1");
        rating.send("b", "cust-1", NOV.plusSeconds(1), "2");
        rating.send("c", "cust-2", NOV, "5");
        rating.send("d", "cust-1", NOV.plusSeconds(2), "3");
        assertThat(rating.charges.isEmpty()).as("nothing before the interval passed").isTrue();

        rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        List<KeyValue<String, RatedCharge>> first = rating.charges.readKeyValuesToList();
        assertThat(first).hasSize(2);
        RatedCharge cust1 = first.stream().filter(kv -> kv.key.equals(SUB1_NOV)).findFirst().orElseThrow().value;
        assertThat(cust1.getQuantity()).isEqualTo("6");
        assertThat(cust1.getSequence()).isEqualTo(3);
        assertThat(cust1.getAmountMinor()).isEqualTo(6);

        rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(rating.charges.isEmpty()).as("unchanged charges are not emitted again").isTrue();

        rating.send("e", "cust-1", NOV.plusSeconds(3), "4");
        rating.driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(rating.charges.readKeyValuesToList()).singleElement()
                .satisfies(kv -> assertThat(kv.value.getSequence()).isEqualTo(4));
    }
}
