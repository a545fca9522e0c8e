package io.valora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.schemas.ApiKey;
import io.valora.schemas.Topic;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.EmbeddedKafkaBroker;
import io.valora.testing.kafka.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reader against a real broker: keys written the way invoice-service writes them. */
@ExtendWith(KafkaBrokerExtension.class)
class ApiKeyTopicReaderTest {

    @Test
    void catchesUpWithExistingKeysThenSeesNewOnesAndRevocations(EmbeddedKafkaBroker broker) throws Exception {
        String topic = "api-keys-" + UUID.randomUUID();
        broker.createTopics(2, List.of(topic));
        send(broker, topic, ApiKeyRulesTest.key("vk_before", "acme", List.of("ingest"), false));

        try (ApiKeyTopicReader reader = new ApiKeyTopicReader(settings(broker, topic))) {
            reader.start();
            Awaitility.await("caught up").atMost(Duration.ofSeconds(30)).until(reader::caughtUp);
            ApiKeyRegistry keys = reader.registry();
            assertThat(keys.find(KeyHash.of("vk_before"))).map(Caller::tenant).contains("acme");

            send(broker, topic, ApiKeyRulesTest.key("vk_after", "globex", List.of("ingest", "read"), false));
            Awaitility.await("new key").atMost(Duration.ofSeconds(10))
                    .until(() -> keys.find(KeyHash.of("vk_after")).isPresent());
            assertThat(keys.find(KeyHash.of("vk_after")).orElseThrow().scopes()).isEqualTo(Set.of("ingest", "read"));

            send(broker, topic, ApiKeyRulesTest.key("vk_before", "acme", List.of("ingest"), true));
            Awaitility.await("revoked within 10 s").atMost(Duration.ofSeconds(10))
                    .until(() -> keys.find(KeyHash.of("vk_before")).isEmpty());
        }
    }

    @Test
    void skipsAnUnreadableRecordAndKeepsReading(EmbeddedKafkaBroker broker) throws Exception {
        String topic = "api-keys-" + UUID.randomUUID();
        broker.createTopics(1, List.of(topic));
        send(broker, topic, KeyHash.of("vk_junk"), new byte[] {1, 2, 3});
        send(broker, topic, ApiKeyRulesTest.key("vk_good", "acme", List.of("ingest"), false));

        try (ApiKeyTopicReader reader = new ApiKeyTopicReader(settings(broker, topic))) {
            reader.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(reader::caughtUp);

            assertThat(reader.registry().find(KeyHash.of("vk_good"))).isPresent();
            assertThat(reader.registry().find(KeyHash.of("vk_junk"))).isEmpty();
            assertThat(reader.skippedRecords()).isEqualTo(1);
            assertThat(reader.available()).as("a skipped record does not stop the reader").isTrue();
        }
    }

    @Test
    void aStoppedReaderFailsClosedThenStartsOverAndSeesWhatItMissed(EmbeddedKafkaBroker broker) throws Exception {
        String topic = "api-keys-" + UUID.randomUUID();
        broker.createTopics(1, List.of(topic));
        send(broker, topic, ApiKeyRulesTest.key("vk_live", "acme", List.of("ingest"), false));

        try (ApiKeyTopicReader reader = new ApiKeyTopicReader(settings(broker, topic))) {
            java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
            reader.beforeApply(r -> {
                if (broken.get()) {
                    throw new IllegalStateException("injected reader failure");
                }
            });
            reader.start();
            Awaitility.await("caught up").atMost(Duration.ofSeconds(30)).until(reader::available);

            broken.set(true);
            send(broker, topic, ApiKeyRulesTest.key("vk_live", "acme", List.of("ingest"), true));
            Awaitility.await("failure seen").atMost(Duration.ofSeconds(10)).until(() -> reader.failure().isPresent());
            assertThat(reader.available()).as("a reader that cannot see revocations is not to be trusted").isFalse();
            assertThat(reader.failure()).get().asString().contains("injected reader failure");

            broken.set(false);
            Awaitility.await("reads again").atMost(Duration.ofSeconds(30)).until(reader::available);
            assertThat(reader.registry().find(KeyHash.of("vk_live"))).as("the revocation it failed on is applied").isEmpty();
        }
    }

    @Test
    void readsPartitionsAddedAfterStartFromTheirBeginning(EmbeddedKafkaBroker broker) throws Exception {
        String topic = "api-keys-" + UUID.randomUUID();
        broker.createTopics(1, List.of(topic));
        ApiKeyTopicReader.Settings settings = new ApiKeyTopicReader.Settings(bootstrap(broker), topic(topic),
                "api-auth-test", Duration.ofMillis(100), Duration.ofMillis(500));
        try (ApiKeyTopicReader reader = new ApiKeyTopicReader(settings)) {
            reader.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(reader::caughtUp);

            try (Admin admin = broker.admin()) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
            }
            ApiKey first = ApiKeyRulesTest.key("vk_new_partition_1", "acme", List.of("ingest"), false);
            ApiKey second = ApiKeyRulesTest.key("vk_new_partition_2", "acme", List.of("ingest"), false);
            send(broker, new ProducerRecord<>(topic, 1, first.getKeyHash(), bytes(topic, first)));
            send(broker, new ProducerRecord<>(topic, 2, second.getKeyHash(), bytes(topic, second)));

            Awaitility.await("keys on the added partitions").atMost(Duration.ofSeconds(20))
                    .until(() -> reader.registry().find(first.getKeyHash()).isPresent()
                            && reader.registry().find(second.getKeyHash()).isPresent());
            assertThat(reader.registry().size()).isEqualTo(2);
        }
    }

    @Test
    void buildsItsConsumerFromTheServicePropertiesWithItsOwnSettingsOnTop() {
        Map<String, Object> service = Map.of("bootstrap.servers", "b:9093", "security.protocol", "SSL",
                "ssl.truststore.location", "/etc/kafka/truststore.p12", "group.id", "quarkus-app-name",
                "auto.offset.reset", "latest", "client.id", "someone-else");

        Map<String, Object> props = new ApiKeyTopicReader(new ApiKeyTopicReader.Settings(service, topic("api-keys"), "reader-1",
                Duration.ofMillis(100), Duration.ofSeconds(7))).consumerProperties();

        assertThat(props).containsEntry("bootstrap.servers", "b:9093").containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("client.id", "reader-1").containsEntry("auto.offset.reset", "earliest")
                .containsEntry("isolation.level", "read_committed").containsEntry("enable.auto.commit", "false")
                .containsEntry("metadata.max.age.ms", 7000).doesNotContainKey("group.id");
    }

    @Test
    void refusesServicePropertiesThatWouldLetItReadUncommittedKeys() {
        Map<String, Object> service = Map.of("bootstrap.servers", "b:9093", "isolation.level", "read_uncommitted");

        assertThatThrownBy(() -> new ApiKeyTopicReader(new ApiKeyTopicReader.Settings(service, topic("api-keys"), "reader-1",
                Duration.ofMillis(100)))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("isolation.level=read_uncommitted").hasMessageContaining("reader-1");
    }

    static ApiKeyTopicReader.Settings settings(EmbeddedKafkaBroker broker, String topic) {
        return new ApiKeyTopicReader.Settings(bootstrap(broker), topic(topic), "api-auth-test", Duration.ofMillis(100));
    }

    static Map<String, Object> bootstrap(EmbeddedKafkaBroker broker) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }

    static Topic<String, ApiKey> topic(String name) {
        return new Topic<>(name, Serdes.String(), RecordSerde.singleObject(ApiKey.class));
    }

    static void send(EmbeddedKafkaBroker broker, String topic, ApiKey key) throws Exception {
        send(broker, topic, key.getKeyHash(), RecordSerde.singleObject(ApiKey.class).serializer().serialize(topic, key));
    }

    static void send(EmbeddedKafkaBroker broker, String topic, String hash, byte[] value) throws Exception {
        send(broker, new ProducerRecord<>(topic, hash, value));
    }

    static void send(EmbeddedKafkaBroker broker, ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    static byte[] bytes(String topic, ApiKey key) {
        return RecordSerde.singleObject(ApiKey.class).serializer().serialize(topic, key);
    }
}
