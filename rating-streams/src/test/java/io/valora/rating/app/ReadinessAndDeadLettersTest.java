package io.valora.rating.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.valora.schemas.DeadLetterHeaders;
import io.valora.schemas.Topics;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service on a real broker: an undecodable catalog record becomes a dead letter (written by
 * the catalog's own producer) while rating stays ready, and readiness goes DOWN, naming the state, once
 * Kafka Streams stops. Its own profile, so closing Kafka Streams at the end leaves other tests' app alone.
 */
@QuarkusTest
@TestProfile(ReadinessAndDeadLettersTest.OwnApp.class)
@QuarkusTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "usage-events,usage-events.rejected,rated-charges,meters,plans,subscriptions,api-keys,dead-letters"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessAndDeadLettersTest {

    /** A profile of its own: a separate application instance. */
    public static class OwnApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("valora.rating.grace", "PT1H1S");
        }
    }

    private static final Topics TOPICS = Topics.unprefixed();

    @Inject
    KafkaStreams streams;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    @Order(1)
    void setsAsideAnUndecodableCatalogRecordAndStaysReady() throws Exception {
        awaitReadiness(200);
        byte[] garbage = "not a plan".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPICS.plans(), "demo/broken/1".getBytes(StandardCharsets.UTF_8), garbage)).get();
        }

        ConsumerRecord<byte[], byte[]> letter = firstDeadLetter();
        assertThat(letter.key()).isEqualTo("demo/broken/1".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(TOPICS.plans());
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("rating-streams");
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
        // other tests' instances of the same application id on this broker may still be leaving the group
        assertThat(streams.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        given().when().get("/q/health/ready").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("valora_rating_dead_letters_total{stage=\"catalog-plans-updater\"} 1.0");
    }

    @Test
    @Order(2)
    void readinessGoesDownNamingTheStateWhenKafkaStreamsStops() {
        awaitReadiness(200);
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'kafka-streams-state' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka-streams-state' }.data.state", anyOf(equalTo("RUNNING"), equalTo("REBALANCING")));

        streams.close(Duration.ofSeconds(30));

        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'kafka-streams-state' }.status", equalTo("DOWN"))
                // close() can return at its timeout on a loaded machine, still shutting down: either state is named.
                .body("checks.find { it.name == 'kafka-streams-state' }.data.state",
                        anyOf(equalTo("NOT_RUNNING"), equalTo("PENDING_SHUTDOWN")));
    }

    private static void awaitReadiness(int status) {
        await("readiness " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().when().get("/q/health/ready").then().extract().statusCode() == status);
    }

    private ConsumerRecord<byte[], byte[]> firstDeadLetter() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPICS.deadLetters()));
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await("dead letter").atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return !seen.isEmpty();
            });
            return seen.get(0);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
