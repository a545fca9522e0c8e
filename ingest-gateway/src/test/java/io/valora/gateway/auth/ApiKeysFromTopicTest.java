package io.valora.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.auth.KeyHash;
import io.valora.schemas.ApiKey;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import io.valora.gateway.support.UsageTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** API keys published to the real compacted topic, the way invoice-service writes them. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "usage-events,api-keys"))
class ApiKeysFromTopicTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    io.valora.service.auth.TopicApiKeys keys;

    @Test
    void aPublishedKeyWorksForItsTenantAndStopsWithin10SecondsOfRevocation() throws Exception {
        String key = "vk_" + UUID.randomUUID();
        publish(key(key, "acme", List.of("ingest"), false));
        Awaitility.await("key becomes usable").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> post(key, "topic-key-1") == 202);

        ConsumerRecord<String, UsageEvent> record = awaitEvent("topic-key-1");
        assertThat(record.value().getTenant()).as("tenant from the key").isEqualTo("acme");
        assertThat(record.key()).isEqualTo("acme/cust-topic-key");

        publish(key(key, "acme", List.of("ingest"), true));
        Awaitility.await("revoked key refused").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> post(key, "topic-key-after-revoke") == 401);
    }

    @Test
    void aTombstoneDisablesAKey() throws Exception {
        String key = "vk_" + UUID.randomUUID();
        publish(key(key, "acme", List.of("ingest"), false));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> post(key, "tomb-1") == 202);

        send(KeyHash.of(key), null);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> post(key, "tomb-2") == 401);
    }

    @Test
    void aKeyWithoutTheIngestScopeGets403() throws Exception {
        String key = "vk_" + UUID.randomUUID();
        publish(key(key, "acme", List.of("read"), false));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> post(key, "scope-1") != 401);
        given().header("Authorization", "Bearer " + key).contentType("application/cloudevents+json").body(event("scope-2"))
                .when().post("/v1/events")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/forbidden"));
    }

    @Test
    void aStoppedKeysReaderFailsClosedAndReadinessSaysWhy() throws Exception {
        String key = "vk_" + UUID.randomUUID();
        publish(key(key, "acme", List.of("ingest"), false));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> post(key, "closed-1") == 202);

        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        keys.reader().beforeApply(r -> {
            if (broken.get()) {
                throw new IllegalStateException("injected: reader broken");
            }
        });
        try {
            publish(key(key, "acme", List.of("ingest"), true)); // the revocation the stopped reader cannot see
            Awaitility.await("refused while stopped").atMost(Duration.ofSeconds(10)).until(() -> post(key, "closed-2") == 503);
            given().header("Authorization", "Bearer " + key).contentType("application/cloudevents+json").body(event("closed-3"))
                    .when().post("/v1/events").then().statusCode(503).header("Retry-After", "5")
                    .body("type", equalTo("https://valora.dev/problems/api-keys-unavailable"));
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'api-keys' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'api-keys' }.data.stopped", org.hamcrest.Matchers.containsString("injected"));
        } finally {
            broken.set(false);
        }
        Awaitility.await("reads again, with the revocation").atMost(Duration.ofSeconds(30))
                .until(() -> post(key, "closed-4") == 401);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void readinessReportsTheKeysLoaded() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'api-keys' }.status", equalTo("UP"));
    }

    private int post(String key, String eventId) {
        return given().header("Authorization", "Bearer " + key).contentType("application/cloudevents+json")
                .body(event(eventId)).when().post("/v1/events").then().extract().statusCode();
    }

    private static String event(String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"test","type":"api_call","subject":"cust-topic-key","time":"%s","data":{"value":1}}"""
                .formatted(id, Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS));
    }

    private void publish(ApiKey key) throws Exception {
        send(key.getKeyHash(), RecordSerde.singleObject(ApiKey.class).serializer().serialize("api-keys", key));
    }

    private void send(String hash, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("api-keys", hash, value)).get();
        }
    }

    private ConsumerRecord<String, UsageEvent> awaitEvent(String id) {
        return UsageTopic.await(bootstrapServers, id);
    }

    private static ApiKey key(String key, String tenant, List<String> scopes, boolean revoked) {
        return ApiKey.newBuilder().setKeyHash(KeyHash.of(key)).setKeyId("id-" + key).setTenant(tenant)
                .setScopes(List.copyOf(scopes)).setRevoked(revoked).setCreatedAt(Instant.parse("2026-11-24T00:00:00Z"))
                .setRevokedAt(revoked ? Instant.now() : null).build();
    }
}
