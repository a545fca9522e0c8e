package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.ResourceNames;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hourly usage buckets per tenant, customer and meter (issue 5, item 4), for charts. */
class HourlyUsageTest {

    @TempDir
    java.nio.file.Path stateDir;

    private RatingDriver rating;

    @BeforeEach
    void start() {
        rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir).withPerUnitCatalog("0.01", "cust-1", "cust-2");
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void sumsEachCustomersMeterPerHourWithHalfOpenBuckets() {
        rating.send("a", "cust-1", at("2026-11-10T10:00:00Z"), "2");
        rating.send("b", "cust-1", at("2026-11-10T10:59:59.999Z"), "3.5");
        rating.send("c", "cust-1", at("2026-11-10T11:00:00Z"), "1");
        rating.send("d", "cust-2", at("2026-11-10T10:30:00Z"), "7");
        rating.send("a", "cust-1", at("2026-11-10T10:00:00Z"), "2"); // a duplicate is not charted twice

        assertThat(hours("demo/cust-1/api_call")).containsExactly(
                Map.entry(at("2026-11-10T10:00:00Z"), "5.5"), Map.entry(at("2026-11-10T11:00:00Z"), "1"));
        assertThat(hours("demo/cust-2/api_call")).containsExactly(Map.entry(at("2026-11-10T10:00:00Z"), "7"));
    }

    @Test
    void chartsLateUsageInTheHourItHappened() {
        rating.send("now", "cust-1", at("2026-11-10T10:00:00Z"), "1");
        rating.send("late", "cust-1", at("2026-10-30T08:15:00Z"), "4"); // its period is final: an adjustment

        assertThat(hours("demo/cust-1/api_call")).containsEntry(at("2026-10-30T08:00:00Z"), "4");
    }

    private Map<Instant, String> hours(String key) {
        WindowStore<String, String> store = rating.driver.getWindowStore(ResourceNames.HOURLY_USAGE_STORE);
        Map<Instant, String> buckets = new LinkedHashMap<>();
        try (WindowStoreIterator<String> it = store.fetch(key, at("2026-10-01T00:00:00Z"), at("2026-12-01T00:00:00Z"))) {
            while (it.hasNext()) {
                KeyValue<Long, String> bucket = it.next();
                buckets.put(Instant.ofEpochMilli(bucket.key), bucket.value);
            }
        }
        return buckets;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
