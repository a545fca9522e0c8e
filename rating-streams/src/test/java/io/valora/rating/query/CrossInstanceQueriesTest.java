package io.valora.rating.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.valora.rating.catalog.Catalog;
import io.valora.rating.catalog.CatalogStores;
import io.valora.rating.config.RatingMetrics;
import io.valora.rating.config.RatingSettings;
import io.valora.rating.config.ResourceNames;
import io.valora.rating.model.PeriodState;
import io.valora.rating.topology.Catalogs;
import io.valora.rating.topology.RatingTopology;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.Subscription;
import io.valora.schemas.Topics;
import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.EmbeddedKafkaBroker;
import io.valora.testing.kafka.KafkaBrokerExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the real topology on the real broker, each behind a small HTTP server that calls
 * {@link ClusterQueries} the way the resource does: whichever instance is asked, every customer's
 * charges and usage come back complete and identical, though each instance holds only part of the
 * state (so forwarding and gathering are both exercised).
 */
@ExtendWith(KafkaBrokerExtension.class)
class CrossInstanceQueriesTest {

    private static final String TENANT = "demo";
    private static final String AUTHORIZATION = "Bearer cross-instance-key";
    private static final String METER = "api_call";
    private static final int CUSTOMERS = 8;
    private static final int EVENTS_PER_SUBJECT = 12;
    private static final String UNIT_PRICE = "0.01";
    private static final Instant FIRST_EVENT = Instant.parse("2026-11-03T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path stateDir;

    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        instances.forEach(Instance::close);
    }

    @Test
    void everyInstanceAnswersEveryCustomersChargesAndUsageCompletelyAndIdentically(EmbeddedKafkaBroker broker) {
        Topics topics = new Topics("xq" + System.nanoTime() + ".");
        broker.createTopics(4, topics.all());
        String applicationId = "cross-instance-" + System.nanoTime();
        Map<String, Map<Instant, BigDecimal>> expectedHours = publish(broker, topics);

        instances.add(new Instance("a", broker, topics, applicationId));
        instances.add(new Instance("b", broker, topics, applicationId));
        instances.forEach(Instance::start);

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String customer : expectedHours.keySet()) {
                Map<Instant, BigDecimal> hours = expectedHours.get(customer);
                BigDecimal quantity = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                List<JsonNode> charges = new ArrayList<>();
                List<JsonNode> usage = new ArrayList<>();
                for (Instance instance : instances) {
                    JsonNode chargeAnswer = get(instance, "/v1/charges?customer=" + customer);
                    assertThat(chargeAnswer.get("data")).as("charges of %s from %s", customer, instance.name).hasSize(1);
                    JsonNode charge = chargeAnswer.get("data").get(0);
                    assertThat(new BigDecimal(charge.get("quantity").asText())).isEqualByComparingTo(quantity);
                    assertThat(charge.get("amountMinor").asLong()).isEqualTo(
                            quantity.multiply(new BigDecimal(UNIT_PRICE)).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact());
                    charges.add(chargeAnswer);

                    JsonNode usageAnswer = get(instance, "/v1/usage?customer=" + customer + "&meter=" + METER
                            + "&from=" + FIRST_EVENT + "&to=" + FIRST_EVENT.plus(Duration.ofDays(3)) + "&granularity=HOUR");
                    Map<Instant, BigDecimal> answered = new TreeMap<>();
                    usageAnswer.get("data").forEach(b -> answered.put(Instant.parse(b.get("start").asText()),
                            new BigDecimal(b.get("quantity").asText())));
                    assertThat(answered).as("hourly usage of %s from %s", customer, instance.name).isEqualTo(hours);
                    usage.add(usageAnswer);
                }
                assertThat(charges.get(1)).isEqualTo(charges.get(0));
                assertThat(usage.get(1)).isEqualTo(usage.get(0));
            }
        });

        for (Instance instance : instances) {
            assertThat(instance.streams.metadataForLocalThreads())
                    .as("instance %s holds part of the state", instance.name)
                    .anySatisfy(thread -> assertThat(thread.activeTasks()).isNotEmpty());
            assertThat(instance.forwardedRequests.get()).as("requests forwarded to %s", instance.name).isPositive();
        }
        // the only usage moved to its customer's partition is what was sent under the external id; the rest was rated in place
        assertThat(recordsWritten(broker, applicationId + "-" + ResourceNames.BY_CUSTOMER + "-repartition"))
                .as("usage moved to its customer's partition").isEqualTo(EVENTS_PER_SUBJECT);
    }

    private static long recordsWritten(EmbeddedKafkaBroker broker, String topic) {
        try (Admin admin = broker.admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            // records, not offsets: under exactly-once every committed transaction also leaves one marker per partition
            long records = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
                consumer.assign(ends.keySet());
                consumer.seekToBeginning(ends.keySet());
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (ends.keySet().stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                    records += consumer.poll(Duration.ofMillis(200)).count();
                }
            }
            return records;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The catalog (one subscription per customer; customer 1's also reachable by its external id)
     * and the usage; returns each customer's expected hourly quantities.
     */
    private static Map<String, Map<Instant, BigDecimal>> publish(EmbeddedKafkaBroker broker, Topics topics) {
        Map<String, Map<Instant, BigDecimal>> expected = new TreeMap<>();
        Properties props = new Properties();
        props.putAll(broker.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer())) {
            Meter meter = Catalogs.meter(TENANT, METER, METER, "sum", "value", List.of(), Map.of());
            producer.send(new ProducerRecord<>(topics.meters(), TENANT + "/" + METER, meter));
            Plan plan = Catalogs.plan(TENANT, "basic", 1, Map.of(METER, Catalogs.perUnit(UNIT_PRICE)));
            producer.send(new ProducerRecord<>(topics.plans(), TENANT + "/basic/1", plan));
            Map<String, List<String>> subjects = new HashMap<>();
            for (int c = 0; c < CUSTOMERS; c++) {
                String customer = "cust-" + c;
                Subscription subscription = Catalogs.subscription(TENANT, "sub-" + c, customer, "basic", 1);
                List<String> names = new ArrayList<>(List.of(customer));
                if (c == 1) {
                    subscription = Subscription.newBuilder(subscription).setExternalId("ext-sub-1").build();
                    names.add("ext-sub-1");
                }
                subjects.put(customer, names);
                producer.send(new ProducerRecord<>(topics.subscriptions(), TENANT + "/" + subscription.getId(), subscription));
            }
            for (int c = 0; c < CUSTOMERS; c++) {
                String customer = "cust-" + c;
                Map<Instant, BigDecimal> hours = expected.computeIfAbsent(customer, k -> new TreeMap<>());
                for (String subject : subjects.get(customer)) {
                    for (int i = 0; i < EVENTS_PER_SUBJECT; i++) {
                        Instant time = FIRST_EVENT.plus(Duration.ofMinutes(37L * i + 11L * c));
                        BigDecimal value = BigDecimal.valueOf(1 + (i * 7 + c) % 5);
                        UsageEvent event = UsageEvent.newBuilder().setTenant(TENANT).setId(subject + "-" + i).setSource("test")
                                .setType(METER).setSubject(subject).setTime(time).setData("{\"value\":" + value + "}")
                                .setReceivedAt(time).build();
                        producer.send(new ProducerRecord<>(topics.usageEvents(), TENANT + "/" + subject, event));
                        hours.merge(time.truncatedTo(ChronoUnit.HOURS), value, BigDecimal::add);
                    }
                }
            }
            producer.flush();
        }
        return expected;
    }

    private JsonNode get(Instance instance, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.server.getAddress().getPort() + pathAndQuery))
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s from %s: %s", pathAndQuery, instance.name, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Writes any of the schemas' records with the project's Avro codec. */
    private static final class AvroSerializer implements Serializer<Object> {
        private final Map<Class<?>, Serializer<Object>> byType = new HashMap<>();

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public byte[] serialize(String topic, Object data) {
            return byType.computeIfAbsent(data.getClass(), type -> (Serializer) RecordSerde.singleObject((Class) type).serializer())
                    .serialize(topic, data);
        }
    }

    /** One application instance: Kafka Streams, and its live queries over HTTP like the resource serves them. */
    private final class Instance implements AutoCloseable {
        final String name;
        final HttpServer server;
        final KafkaStreams streams;
        final ClusterQueries queries;
        final AtomicInteger forwardedRequests = new AtomicInteger();

        Instance(String name, EmbeddedKafkaBroker broker, Topics topics, String applicationId) {
            this.name = name;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            HostInfo self = new HostInfo("127.0.0.1", server.getAddress().getPort());
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
            props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
            // keep the moved usage on the repartition topic, so the test can count it (Streams deletes consumed records)
            props.put(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis()));
            RatingSettings settings = new RatingSettings(Duration.ofDays(400), Duration.ofHours(1));
            streams = new KafkaStreams(RatingTopology.build(topics, settings, RatingMetrics.NONE, props), props);
            queries = new ClusterQueries(streams, self, this::localQueries, this::hourlyOfPartition, new PeerClient(Duration.ofSeconds(2)), JSON);
            server.createContext("/v1/", this::handle);
        }

        void start() {
            server.start();
            streams.start();
        }

        private LiveQueries localQueries() {
            return new LiveQueries(
                    streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.PERIOD_STATE_STORE,
                            QueryableStoreTypes.<String, PeriodState>keyValueStore())),
                    streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.HOURLY_USAGE_STORE,
                            QueryableStoreTypes.windowStore())),
                    new Catalog(global(CatalogStores.METERS_STORE), global(CatalogStores.PLANS_STORE),
                            global(CatalogStores.SUBSCRIPTIONS_STORE)));
        }

        private ReadOnlyWindowStore<String, String> hourlyOfPartition(int partition) {
            return streams.store(StoreQueryParameters.fromNameAndType(ResourceNames.HOURLY_USAGE_STORE,
                    QueryableStoreTypes.<String, String>windowStore()).withPartition(partition));
        }

        private <V> ReadOnlyKeyValueStore<String, V> global(String store) {
            return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        }

        /** The resource's routing in miniature: the caller's key must reach every instance unchanged. */
        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (!AUTHORIZATION.equals(authorization)) {
                    respond(exchange, 401, "{}");
                    return;
                }
                Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
                boolean forwarded = ClusterQueries.SCOPE_LOCAL.equals(params.get(ClusterQueries.SCOPE_PARAM));
                if (forwarded) {
                    forwardedRequests.incrementAndGet();
                }
                ClusterAnswer answer = exchange.getRequestURI().getPath().equals("/v1/charges")
                        ? queries.charges(authorization, TENANT, params.get("customer"), forwarded)
                        : queries.usage(authorization, TENANT, params.get("customer"), params.get("meter"),
                                Instant.parse(params.get("from")), Instant.parse(params.get("to")),
                                Granularity.valueOf(params.get("granularity")), forwarded);
                if (answer instanceof ClusterAnswer.Data data) {
                    respond(exchange, 200, JSON.writeValueAsString(Map.of("data", data.rows())));
                } else if (answer instanceof ClusterAnswer.Relayed relayed) {
                    respond(exchange, relayed.answer().status(), relayed.answer().body());
                } else {
                    respond(exchange, 503, "{}");
                }
            }
        }

        private static void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }

        private static Map<String, String> params(String rawQuery) {
            Map<String, String> params = new HashMap<>();
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return params;
        }

        @Override
        public void close() {
            streams.close(Duration.ofSeconds(10));
            server.stop(0);
        }
    }
}
