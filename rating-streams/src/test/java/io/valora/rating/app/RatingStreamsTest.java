package io.valora.rating.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.auth.KeyHash;
import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.topology.Catalogs;
import io.valora.schemas.ApiKey;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.RecordKeys;
import io.valora.schemas.Subscription;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The packaged topology against a real broker, with exactly-once processing on. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "usage-events,usage-events.rejected,rated-charges,meters,plans,subscriptions,api-keys,dead-letters"))
class RatingStreamsTest {

    private static final Topics TOPICS = Topics.unprefixed();

    @Inject
    KafkaStreams streams;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void ratesUsageFromTheBrokerExactlyOnceAndDropsDuplicates() throws Exception {
        Instant time = Instant.parse("2026-11-05T10:00:00Z");
        writeCatalog();
        // The global stores follow the catalog topics on their own thread; usage sent before they
        // caught up would (rightly) be rejected, so wait until rating can see the catalog.
        await("catalog visible to rating").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> catalogSize(CatalogStores.METERS_STORE) == 2 && catalogSize(CatalogStores.PLANS_STORE) == 1
                        && catalogSize(CatalogStores.SUBSCRIPTIONS_STORE) == 2);
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

        // keys from the api-keys topic (api-auth): a read key sees the tenant's charges, an ingest-only key is refused
        publishKey("reader-key", "read");
        publishKey("ingest-key", "ingest");
        await("topic key known").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", "Bearer reader-key")
                        .when().get("/v1/charges?customer=cust-it").then().extract().statusCode() == 200);
        given().header("Authorization", "Bearer reader-key").when().get("/v1/charges?customer=cust-it")
                .then().statusCode(200).body("data[0].subscription", org.hamcrest.Matchers.equalTo("sub-it"));
        await("ingest key known").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", "Bearer ingest-key")
                        .when().get("/v1/charges?customer=cust-it").then().extract().statusCode() == 403);

        String openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(openApi).contains("/v1/charges", "/v1/usage", "The customer's open charges", "\"503\"");

        await("duplicates counted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(RatingStreamsTest::duplicatesMetric, count -> count >= 3);
        assertThat(duplicatesMetric()).isEqualTo(3.0);
    }

    private void publishKey(String key, String scope) throws Exception {
        try (KafkaProducer<String, ApiKey> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), RecordSerde.singleObject(ApiKey.class).serializer())) {
            String hash = KeyHash.of(key);
            producer.send(new ProducerRecord<>(TOPICS.apiKeys(), hash, ApiKey.newBuilder().setKeyHash(hash).setKeyId(key)
                    .setTenant("demo").setScopes(List.of(scope)).setCreatedAt(Instant.parse("2026-11-01T00:00:00Z")).build())).get();
        }
    }

    private long catalogSize(String store) {
        try {
            ReadOnlyKeyValueStore<String, Object> view = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
            long entries = 0;
            try (KeyValueIterator<String, Object> all = view.all()) {
                for (; all.hasNext(); all.next()) {
                    entries++;
                }
            }
            return entries;
        } catch (InvalidStateStoreException notYet) {
            return -1;
        }
    }

    /** Meter api_call (sum of value), plan basic@1 at 0.01 per unit, subscription sub-it of cust-it, as invoice-service would publish them. */
    private void writeCatalog() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Meter> meters = new KafkaProducer<>(config, new StringSerializer(), RecordSerde.singleObject(Meter.class).serializer());
                KafkaProducer<String, Plan> plans = new KafkaProducer<>(config, new StringSerializer(), RecordSerde.singleObject(Plan.class).serializer());
                KafkaProducer<String, Subscription> subscriptions = new KafkaProducer<>(config, new StringSerializer(),
                        RecordSerde.singleObject(Subscription.class).serializer())) {
            meters.send(new ProducerRecord<>(TOPICS.meters(), "demo/api_call",
                    Catalogs.meter("demo", "api_call", "api_call", "sum", "value", List.of(), Map.of()))).get();
            plans.send(new ProducerRecord<>(TOPICS.plans(), "demo/basic/1",
                    Catalogs.plan("demo", "basic", 1, Map.of("api_call", Catalogs.perUnit("0.01"))))).get();
            subscriptions.send(new ProducerRecord<>(TOPICS.subscriptions(), "demo/sub-it",
                    Catalogs.subscription("demo", "sub-it", "cust-it", "basic", 1))).get();
        }
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
