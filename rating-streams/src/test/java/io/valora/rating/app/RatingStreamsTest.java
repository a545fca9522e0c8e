package io.valora.rating.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The packaged topology against a real broker, with exactly-once processing on. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "usage-events,usage-events.rejected,rated-charges"))
class RatingStreamsTest {

    private static final Topics TOPICS = Topics.unprefixed();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void ratesUsageFromTheBrokerExactlyOnceAndDropsDuplicates() throws Exception {
        Instant time = Instant.parse("2026-11-05T10:00:00Z");
        try (KafkaProducer<String, UsageEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), RecordSerde.singleObject(UsageEvent.class).serializer())) {
            for (int i = 0; i < 10; i++) {
                UsageEvent event = event("it-" + i, time.plusSeconds(i), "1.25");
                producer.send(new ProducerRecord<>(TOPICS.usageEvents(), RecordKeys.usage("demo", "cust-it"), event)).get();
            }
            // the same ids again: a client retry
            for (int i = 0; i < 3; i++) {
                UsageEvent event = event("it-" + i, time.plusSeconds(i), "1.25");
                producer.send(new ProducerRecord<>(TOPICS.usageEvents(), RecordKeys.usage("demo", "cust-it"), event)).get();
            }
        }

        RatedCharge charge = awaitCharge(c -> c.getEventCount() == 10);
        assertThat(charge.getQuantity()).isEqualTo("12.50");
        assertThat(charge.getAmountMinor()).isEqualTo(13); // 12.50 × 0.01 = 0.125 → 0.13 HALF_UP
        assertThat(charge.getCurrency()).isEqualTo("USD");

        given().when().get("/v1/charges?customer=cust-it").then().statusCode(401)
                .contentType("application/problem+json");
        await("live charge served").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", "Bearer valora-dev-key")
                        .when().get("/v1/charges?customer=cust-it").then().extract().statusCode() == 200);
        given().header("Authorization", "Bearer valora-dev-key").when().get("/v1/charges?customer=cust-it")
                .then().statusCode(200)
                .body("data[0].quantity", org.hamcrest.Matchers.equalTo("12.50"))
                .body("data[0].amountMinor", org.hamcrest.Matchers.equalTo(13));

        await("duplicates counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(RatingStreamsTest::duplicatesMetric, count -> count >= 3);
        assertThat(duplicatesMetric()).isEqualTo(3.0);
    }

    private RatedCharge awaitCharge(java.util.function.Predicate<RatedCharge> done) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "rating-streams-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, RatedCharge> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                RecordSerde.singleObject(RatedCharge.class).deserializer())) {
            consumer.subscribe(List.of(TOPICS.ratedCharges()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            RatedCharge last = null;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, RatedCharge> r : consumer.poll(Duration.ofMillis(200))) {
                    last = r.value();
                    if (done.test(last)) {
                        return last;
                    }
                }
            }
            throw new AssertionError("no complete charge within 60 s; last seen: " + last);
        }
    }

    private static double duplicatesMetric() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("valora_rating_duplicates_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    private static UsageEvent event(String id, Instant time, String value) {
        return UsageEvent.newBuilder().setTenant("demo").setId(id).setSource("test").setType("api_call")
                .setSubject("cust-it").setTime(time).setData("{\"value\":" + value + "}").setReceivedAt(time).build();
    }
}
