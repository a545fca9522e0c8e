package io.valora.invoice.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.auth.KeyHash;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.schemas.ApiKey;
import io.valora.testing.kafka.EmbeddedKafkaBroker;
import io.valora.testing.kafka.SharedKafkaBroker;
import io.valora.testing.postgres.EmbeddedPostgresServer;
import io.valora.testing.postgres.SharedEmbeddedPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.valora.invoice.support.Charges.charge;

/**
 * The packaged service as separate processes on one PostgreSQL and one broker: an outbox row
 * committed by an instance killed with SIGKILL before relaying is published by another instance;
 * and closes racing on two instances still number invoices 1..n, once each.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String OPERATOR = "it-operator-token";
    private static final String PERIOD = "2026-11-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedPostgresServer postgres;
    private static final List<ServiceProcess> started = new ArrayList<>();
    private static String tenantKey;

    @BeforeAll
    static void infrastructure() {
        broker = SharedKafkaBroker.acquire();
        broker.createTopics(3, List.of("rated-charges", "dead-letters"));
        postgres = SharedEmbeddedPostgres.acquire();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServiceProcess process : started) {
            process.close();
        }
        SharedEmbeddedPostgres.release();
        SharedKafkaBroker.release();
    }

    @Test
    @Order(1)
    void aKeyCommittedByAnInstanceKilledBeforeRelayingIsPublishedByAnother() throws Exception {
        ServiceProcess doomed = start("instance-a", false);
        HttpResponse<String> created = doomed.post("/v1/operator/tenants", "{\"id\":\"two-instances\"}", OPERATOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        tenantKey = JSON.readTree(created.body()).path("apiKey").path("key").asText();
        String hash = KeyHash.of(tenantKey);
        assertThat(unsentRows(hash)).isEqualTo(1);

        doomed.kill();

        ServiceProcess survivor = start("instance-b", true);
        ApiKey published = ApiKeyTopic.awaitLatest(broker.bootstrapServers(), hash, r -> !r.getRevoked());
        assertThat(published.getTenant()).isEqualTo("two-instances");
        assertThat(unsentRows(hash)).isZero();
        assertThat(survivor.get("/v1/invoices", tenantKey).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void closesRacingOnTwoInstancesNumberEveryInvoiceOnce() throws Exception {
        ServiceProcess first = started.get(started.size() - 1);
        ServiceProcess second = start("instance-c", true);
        int customers = 20;
        try (RatedChargeTopic topic = new RatedChargeTopic(broker.bootstrapServers())) {
            for (int i = 0; i < customers; i++) {
                topic.publish(charge("two-instances", "cust-" + i, "api-calls", PERIOD).setAmountMinor(100 + i).build());
            }
            topic.awaitConsumed();
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (ServiceProcess instance : List.of(first, second)) {
            calls.add(() -> instance.post("/v1/invoices/close", "{\"periodStart\":\"" + PERIOD + "\"}", tenantKey).statusCode());
            for (int i = 0; i < customers; i++) {
                String body = "{\"periodStart\":\"" + PERIOD + "\",\"customer\":\"cust-" + i + "\"}";
                calls.add(() -> instance.post("/v1/invoices/close", body, tenantKey).statusCode());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> status : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode page = JSON.readTree(second.get("/v1/invoices?limit=200", tenantKey).body());
        Map<String, Long> numberByCustomer = new HashMap<>();
        page.path("items").forEach(i -> numberByCustomer.put(i.path("customer").asText(), i.path("number").asLong()));
        assertThat(numberByCustomer).hasSize(customers);
        assertThat(numberByCustomer.values()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, customers).boxed().toList());
    }

    private static ServiceProcess start(String name, boolean relay) throws Exception {
        ServiceProcess process = ServiceProcess.start(name, Map.ofEntries(
                Map.entry("valora.kafka.startup-check", "off"), // the test broker has one replica by design
                Map.entry("valora.db.url", postgres.jdbcUrl()),
                // The server's superuser owns the tables and migrates; the instances run on the login roles the
                // service creates here in place of a DBA (production profile otherwise: the role check enforces).
                Map.entry("valora.db.migration.user", postgres.user()),
                Map.entry("valora.db.migration.password", postgres.password()),
                Map.entry("valora.db.create-login-roles", "true"),
                Map.entry("kafka.bootstrap.servers", broker.bootstrapServers()),
                Map.entry("valora.operator.token", OPERATOR),
                Map.entry("valora.outbox.relay-enabled", Boolean.toString(relay)),
                Map.entry("valora.close.interval", "3600s"),
                // instance-a is killed: the group must not wait Kafka's default 45 s for it.
                Map.entry("kafka.session.timeout.ms", "6000")));
        started.add(process);
        return process;
    }

    private static long unsentRows(String recordKey) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE record_key = ? AND sent_at IS NULL")) {
            ps.setString(1, recordKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
