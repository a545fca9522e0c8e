package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.ResourceNames;
import io.valora.schemas.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog stores follow updates and tombstones of the compacted topics, index entries included. */
class CatalogUpdatesTest {

    private static final Instant NOV = Instant.parse("2026-11-10T08:00:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    private RatingDriver rating;

    @BeforeEach
    void start() {
        rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir).withPerUnitCatalog("1", "cust-1");
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void followsAMeterToItsNewEventTypeAndForgetsItOnATombstone() {
        rating.meter(Catalogs.meter("demo", "api_call", "api.v2", "sum", "value", List.of(), Map.of()));
        rating.send("old-type", "cust-1", NOV, "1");
        rating.send(RatingDriver.event("demo", "new-type", "cust-1", "api.v2", NOV, "{\"value\":2}"));
        rating.meters.pipeInput("demo/api_call", null);
        rating.send(RatingDriver.event("demo", "after-delete", "cust-1", "api.v2", NOV, "{\"value\":4}"));

        assertThat(rating.rejected.readValuesToList()).extracting(e -> e.getId()).containsExactly("old-type", "after-delete");
        assertThat(rating.latest().get(RatingDriver.key("sub-cust-1", "api_call", "2026-11-01T00:00:00Z")).getQuantity())
                .isEqualTo("2");
    }

    @Test
    void followsASubscriptionsChangedExternalIdAndEndAndForgetsItOnATombstone() {
        Subscription first = Subscription.newBuilder(Catalogs.subscription("demo", "sub_9", "cust-9", "basic", 1))
                .setExternalId("ext-old").build();
        rating.subscription(first);
        rating.subscription(Subscription.newBuilder(first).setExternalId("ext-new").setEndAt(NOV.plusSeconds(60)).build());

        rating.send("by-old-id", "ext-old", NOV, "1");
        rating.send("by-new-id", "ext-new", NOV, "2");
        rating.send("after-end", "cust-9", NOV.plusSeconds(60), "4");
        rating.subscriptions.pipeInput("demo/sub_9", null);
        rating.send("after-delete", "cust-9", NOV, "8");

        assertThat(rating.rejected.readRecordsToList())
                .extracting(r -> r.value().getId(), r -> RatingDriver.header(r, ResourceNames.REJECT_CODE_HEADER))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("by-old-id", "no-subscription"),
                        org.assertj.core.groups.Tuple.tuple("after-end", "subscription-not-active"),
                        org.assertj.core.groups.Tuple.tuple("after-delete", "no-subscription"));
        assertThat(rating.latest().get(RatingDriver.key("sub_9", "api_call", "2026-11-01T00:00:00Z")).getQuantity())
                .isEqualTo("2");
    }

    /** Resolution keeps lookups in memory; a catalog record arriving after the same lookups must still be seen. */
    @Test
    void seesCatalogRecordsArrivingAfterTheSameLookupsWereMade() {
        rating.send("before-subscription", "cust-2", NOV, "1");
        rating.subscription(Catalogs.subscription(RatingDriver.TENANT, "sub-cust-2", "cust-2", RatingDriver.PLAN, 1));
        rating.send("after-subscription", "cust-2", NOV, "2");
        rating.meter(Catalogs.meter(RatingDriver.TENANT, RatingDriver.METER, "api.v2", "sum", "value", List.of(), Map.of()));
        rating.send("after-meter-moved", "cust-2", NOV, "4");

        assertThat(rating.rejected.readRecordsToList())
                .extracting(r -> r.value().getId(), r -> RatingDriver.header(r, ResourceNames.REJECT_CODE_HEADER))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("before-subscription", "no-subscription"),
                        org.assertj.core.groups.Tuple.tuple("after-meter-moved", "no-meter"));
        assertThat(rating.latest().get(RatingDriver.key("sub-cust-2", RatingDriver.METER, "2026-11-01T00:00:00Z")).getQuantity())
                .isEqualTo("2");
    }
}
