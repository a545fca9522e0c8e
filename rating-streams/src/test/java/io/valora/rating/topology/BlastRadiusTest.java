package io.valora.rating.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.deadletter.DeadLetter;
import io.valora.rating.model.RejectReason;
import io.valora.schemas.DeadLetterHeaders;
import io.valora.schemas.Subscription;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 6, blast radius of one: no record, on any topic rating reads, stops rating for another
 * customer. Each test first sends what used to stop the stream thread, then proves the next usage of
 * another customer is still rated.
 */
class BlastRadiusTest {

    private static final Instant T = Instant.parse("2026-11-05T10:00:00Z");
    private static final String MAX_QUANTITY = "1000000000000000000";

    @TempDir
    Path stateDir;

    @Test
    void rejectsTheEventThatWouldOverflowItsChargeAndRatesOtherCustomers() {
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir)
                .withPerUnitCatalog("0.01", "cust-a", "cust-b")) {
            for (int i = 0; i < 10; i++) {
                rating.send("big-" + i, "cust-a", T.plusSeconds(i), MAX_QUANTITY);
            }
            rating.send("small", "cust-b", T.plusSeconds(20), "5");

            // nine of 1e18 at 0.01 USD: 9e16 USD = 9e18 cents, still a long; the tenth would be 1e19 cents
            Map<String, io.valora.schemas.RatedCharge> charges = rating.latest();
            io.valora.schemas.RatedCharge a = charges.get(RatingDriver.key("sub-cust-a", "api_call", "2026-11-01T00:00:00Z"));
            assertThat(a.getEventCount()).isEqualTo(9);
            assertThat(a.getAmountMinor()).isEqualTo(9_000_000_000_000_000_000L);
            assertThat(charges.get(RatingDriver.key("sub-cust-b", "api_call", "2026-11-01T00:00:00Z")).getAmountMinor())
                    .isEqualTo(5);

            List<TestRecord<String, UsageEvent>> rejected = rating.rejected.readRecordsToList();
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).value().getId()).isEqualTo("big-9");
            assertThat(rejected.get(0).key()).isEqualTo("demo/cust-a");
            assertThat(RatingDriver.header(rejected.get(0), ResourceNames.REJECT_CODE_HEADER)).isEqualTo("amount-overflow");
            assertThat(rating.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    void rejectsOverflowOfUsageMovedToItsCustomersPartition() {
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir)
                .withPerUnitCatalog("0.01", "cust-b")) {
            rating.subscription(Subscription.newBuilder(Catalogs.subscription(RatingDriver.TENANT, "sub-x", "cust-x", "basic", 1))
                    .setExternalId("ext-x").build());
            for (int i = 0; i < 10; i++) {
                rating.send("big-" + i, "ext-x", T.plusSeconds(i), MAX_QUANTITY);
            }
            rating.send("small", "cust-b", T.plusSeconds(20), "5");

            List<TestRecord<String, UsageEvent>> rejected = rating.rejected.readRecordsToList();
            assertThat(rejected).extracting(r -> r.value().getId()).containsExactly("big-9");
            assertThat(rejected.get(0).key()).isEqualTo("demo/ext-x"); // as the gateway keyed it, not the customer's key
            assertThat(rating.latest().get(RatingDriver.key("sub-cust-b", "api_call", "2026-11-01T00:00:00Z")).getAmountMinor())
                    .isEqualTo(5);
        }
    }

    @Test
    void rejectsUsageOfAPlanWithAnAbsurdFlatFeeInsteadOfStopping() {
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir)
                .withPerUnitCatalog("0.01", "cust-b")) {
            rating.plan(Catalogs.plan(RatingDriver.TENANT, "absurd", 1, Map.of("api_call", Catalogs.flat("1E+20"))));
            rating.subscription(Catalogs.subscription(RatingDriver.TENANT, "sub-a", "cust-a", "absurd", 1));
            rating.send("e-1", "cust-a", T, "1");
            rating.send("e-2", "cust-b", T.plusSeconds(1), "5");

            TestRecord<String, UsageEvent> rejected = rating.rejected.readRecord();
            assertThat(rejected.value().getId()).isEqualTo("e-1");
            assertThat(RatingDriver.header(rejected, ResourceNames.REJECT_CODE_HEADER)).isEqualTo("invalid-price");
            assertThat(RatingDriver.header(rejected, ResourceNames.REJECT_REASON_HEADER)).contains("flatAmount", "limit");
            assertThat(rating.latest().get(RatingDriver.key("sub-cust-b", "api_call", "2026-11-01T00:00:00Z")).getAmountMinor())
                    .isEqualTo(5);
        }
    }

    @Test
    void sendsAnUndecodableUsageRecordToTheDeadLettersAndRatesTheNext() {
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir)
                .withPerUnitCatalog("0.01", "cust-b")) {
            TestInputTopic<String, byte[]> raw = rating.driver.createInputTopic(RatingDriver.TOPICS.usageEvents(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            byte[] garbage = "not an avro record".getBytes(StandardCharsets.UTF_8);
            raw.pipeInput("demo/cust-a", garbage);
            rating.send("e-2", "cust-b", T, "5");

            TestRecord<byte[], byte[]> letter = rating.deadLetters.readRecord();
            assertThat(letter.key()).isEqualTo("demo/cust-a".getBytes(StandardCharsets.UTF_8));
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(RatingDriver.TOPICS.usageEvents());
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("rating-streams");
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.STAGE)).isEqualTo(ResourceNames.SOURCE);
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
            // written at the wall clock's time, not at the undecodable record's stream time (0), which time retention
            // would delete at once
            assertThat(letter.timestamp()).isEqualTo(RatingDriver.WALL_CLOCK_START.toEpochMilli());
            assertThat(rating.latest().get(RatingDriver.key("sub-cust-b", "api_call", "2026-11-01T00:00:00Z")).getAmountMinor())
                    .isEqualTo(5);
        }
    }

    @Test
    void setsAsideAnUndecodableCatalogRecordAndKeepsApplyingTheCatalog() {
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir)) {
            TestInputTopic<String, byte[]> rawPlans = rating.driver.createInputTopic(RatingDriver.TOPICS.plans(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            rawPlans.pipeInput("demo/broken/1", new byte[] {1, 2, 3});
            rating.withPerUnitCatalog("0.01", "cust-b");
            rating.send("e-1", "cust-b", T, "5");

            assertThat(rating.catalogDeadLetters).hasSize(1);
            DeadLetter letter = rating.catalogDeadLetters.get(0);
            assertThat(letter.stage()).isEqualTo("catalog-plans-updater");
            assertThat(letter.key()).isEqualTo("demo/broken/1".getBytes(StandardCharsets.UTF_8));
            assertThat(letter.value()).containsExactly(1, 2, 3);
            assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                    .isEqualTo(RatingDriver.TOPICS.plans());
            assertThat(rating.latest().get(RatingDriver.key("sub-cust-b", "api_call", "2026-11-01T00:00:00Z")).getAmountMinor())
                    .isEqualTo(5);
        }
    }

    @Test
    void sendsTheRecordARatingBugFailsOnToTheDeadLettersAndRatesTheNext() {
        // A bug on one record's path, simulated with the metrics port (called from inside the rating step): it throws
        // for late usage only, so the one late event fails and every other event must still be rated.
        RatingMetrics buggy = new RatingMetrics() {
            @Override
            public void duplicateDropped() {
            }

            @Override
            public void eventRejected(RejectReason reason) {
            }

            @Override
            public void lateEventAdjusted() {
                throw new IllegalStateException("simulated bug on late usage");
            }
        };
        try (RatingDriver rating = new RatingDriver(RatingDriver.settings(Duration.ofHours(1)), stateDir, buggy)
                .withPerUnitCatalog("0.01", "cust-a", "cust-b")) {
            rating.send("e-1", "cust-a", T, "1");
            rating.send("e-2", "cust-b", Instant.parse("2026-12-05T10:00:00Z"), "1"); // closes November on this partition
            UsageEvent late = RatingDriver.event(RatingDriver.TENANT, "late", "cust-a", "api_call", T.plusSeconds(5), "{\"value\":7}");
            rating.send(late);
            rating.send("e-3", "cust-b", Instant.parse("2026-12-05T11:00:00Z"), "2");

            TestRecord<byte[], byte[]> letter = rating.deadLetters.readRecord();
            assertThat(letter.value()).isEqualTo(RecordSerde.singleObject(UsageEvent.class).serializer().serialize(null, late));
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(IllegalStateException.class.getName());
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("simulated bug on late usage");
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.STAGE)).isEqualTo(ResourceNames.RATE);
            assertThat(RatingDriver.header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("2");
            Map<String, io.valora.schemas.RatedCharge> charges = rating.latest();
            assertThat(charges.get(RatingDriver.key("sub-cust-b", "api_call", "2026-12-01T00:00:00Z")).getEventCount())
                    .isEqualTo(2);
            // nothing of the failed event was written: November of cust-a holds only its first event
            assertThat(charges.get(RatingDriver.key("sub-cust-a", "api_call", "2026-11-01T00:00:00Z")).getQuantity())
                    .isEqualTo("1");
        }
    }
}
