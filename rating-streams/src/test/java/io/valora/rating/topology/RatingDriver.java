package io.valora.rating.topology;

import io.valora.billing.money.Money;
import io.valora.billing.period.BillingCalendar;
import io.valora.billing.pricing.PerUnit;
import io.valora.billing.pricing.RatingPolicy;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** A {@code TopologyTestDriver} around the rating topology with its input and output topics, for tests. */
final class RatingDriver implements AutoCloseable {

    static final Topics TOPICS = Topics.unprefixed();

    final TopologyTestDriver driver;
    final TestInputTopic<String, UsageEvent> usage;
    final TestOutputTopic<String, RatedCharge> charges;

    RatingDriver(RatingSettings settings, Path stateDir) {
        this(settings, stateDir, RatingMetrics.NONE);
    }

    RatingDriver(RatingSettings settings, Path stateDir, RatingMetrics metrics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rating-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("s" + System.nanoTime()).toString());
        driver = new TopologyTestDriver(RatingTopology.build(TOPICS, settings, metrics, new Properties()), props);
        usage = driver.createInputTopic(TOPICS.usageEvents(), Serdes.String().serializer(),
                RecordSerde.singleObject(UsageEvent.class).serializer());
        charges = driver.createOutputTopic(TOPICS.ratedCharges(), Serdes.String().deserializer(),
                RecordSerde.singleObject(RatedCharge.class).deserializer());
    }

    /**
     * Monthly UTC periods, per-unit price in USD rounded HALF_UP, the given grace, and ids
     * remembered for 400 days so that months-late usage is still rated (not refused as older than
     * the de-duplication retention, which {@code RatingTopologyTest} covers).
     */
    static RatingSettings perUnit(String unitPrice, Duration grace) {
        return new RatingSettings("value", new PerUnit(Money.of(unitPrice, "USD")),
                RatingPolicy.of(Currency.getInstance("USD")), BillingCalendar.monthly(ZoneOffset.UTC),
                Duration.ofDays(400), grace);
    }

    void send(String id, String customer, Instant time, String value) {
        UsageEvent event = UsageEvent.newBuilder()
                .setTenant("demo").setId(id).setSource("test").setType("api_call").setSubject(customer)
                .setTime(time).setData("{\"value\":" + value + "}").setReceivedAt(time).build();
        usage.pipeInput("demo/" + customer, event);
    }

    @Override
    public void close() {
        driver.close();
    }
}
