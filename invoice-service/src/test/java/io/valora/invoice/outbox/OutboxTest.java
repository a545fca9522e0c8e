package io.valora.invoice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.auth.Scope;
import io.valora.invoice.db.Databases;
import io.valora.invoice.keys.ApiKeyService;
import io.valora.invoice.keys.NewKey;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.TestClock;
import io.valora.invoice.tenancy.TenantStore;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The transactional outbox: written with the change or not at all, relayed after a crash, in order. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class OutboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The tables' owner (the test server's superuser): sees and may do everything, as the test needs. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource db;

    @Inject
    ApiKeyService keys;

    @Inject
    TenantStore tenants;

    @Inject
    OutboxRelay relay;

    @Test
    void aRolledBackChangeLeavesNoOutboxRow() throws SQLException {
        tenants.ensure("rollback-co", "Rollback", TestClock.NOW);
        AtomicReference<NewKey> created = new AtomicReference<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            created.set(keys.create("rollback-co", "doomed", EnumSet.of(Scope.READ)));
            throw new IllegalStateException("crash before commit");
        })).hasMessageContaining("crash before commit");

        String hash = created.get().stored().keyHash();
        assertThat(count("SELECT count(*) FROM api_keys WHERE key_hash = ?", hash)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE record_key = ?", hash)).isZero();
    }

    @Test
    void aRowCommittedBeforeACrashIsRelayedAfterwardsAndMarkedSent() throws SQLException {
        // As left by a process killed between its commit and the relay: committed, never sent.
        String key = "crash-" + System.nanoTime();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (tenant, topic, record_key, payload, created_at) VALUES ('crash-co', 'api-keys', ?, ?, now())")) {
            ps.setString(1, key);
            ps.setBytes(2, "left-behind".getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM outbox WHERE record_key = ? AND sent_at IS NOT NULL", key) == 1);
        List<Optional<byte[]>> published = ApiKeyTopic.Records.all(bootstrapServers, "api-keys").get(key);
        assertThat(published).hasSize(1);
        assertThat(new String(published.get(0).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("left-behind");
    }

    @Test
    void publishesEveryChangeOfAKeyInOrderOnce() {
        tenants.ensure("order-co", "Order", TestClock.NOW);
        NewKey key = keys.create("order-co", "ordered", EnumSet.of(Scope.READ));
        keys.revoke("order-co", key.stored().id());
        relay.relayOnce();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, "api-keys").getOrDefault(key.stored().keyHash(), List.of()).size() == 2);
        var latest = ApiKeyTopic.latest(bootstrapServers, "api-keys").get(key.stored().keyHash());
        assertThat(latest.getRevoked()).isTrue();
    }

    @Test
    void onlyOneInstanceRelaysAtATime() throws Exception {
        // Another instance holds the relay lock: this one relays nothing, and leaves the rows alone.
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.LOCK_KEY);
                lock.execute();
            }
            assertThat(relay.relayOnce()).isZero();
            other.rollback();
        }
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void parksARowTheBrokerRefusesAndHoldsBackOnlyTheLaterRowsOfItsKey() throws SQLException {
        String big = "big-" + System.nanoTime();
        String other = "other-" + System.nanoTime();
        insert(big, new byte[2 * 1024 * 1024]);
        insert(big, "revoked later".getBytes(StandardCharsets.UTF_8));
        insert(other, "fine".getBytes(StandardCharsets.UTF_8));

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM outbox WHERE record_key = ? AND sent_at IS NOT NULL", other) == 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM outbox WHERE record_key = ? AND parked_at IS NOT NULL "
                        + "AND park_error LIKE '%RecordTooLarge%'", big) == 1);
        assertThat(count("SELECT count(*) FROM outbox WHERE record_key = ? AND sent_at IS NOT NULL", big)).isZero();
        assertThat(ApiKeyTopic.Records.all(bootstrapServers, "api-keys")).doesNotContainKey(big).containsKey(other);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                io.restassured.RestAssured.given().get("/q/health/ready").then()
                        .body("checks.find { it.name == 'outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                        .body("checks.find { it.name == 'outbox' }.data.parkedRows", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("valora_invoice_outbox_parked_rows"));
    }

    private void insert(String key, byte[] payload) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (tenant, topic, record_key, payload, created_at) VALUES ('park-co', 'api-keys', ?, ?, now())")) {
            ps.setString(1, key);
            ps.setBytes(2, payload);
            ps.executeUpdate();
        }
    }
}
