package io.valora.invoice.charges;

import static io.restassured.RestAssured.given;
import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.valora.invoice.db.Databases;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A rated charge written by a newer Valora (a schema fingerprint this version does not know) is
 * never committed past: its partition waits, readiness says why, and the other partitions go on.
 * Runs on its own topic prefix and group, so the waiting partition blocks no other test.
 */
@QuarkusTest
@TestProfile(UpgradeSkewTest.Skew.class)
@WithTestResource(value = KafkaBrokerTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "skew-rated-charges,skew-dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class UpgradeSkewTest {

    private static final String NOV = "2026-11-01T00:00:00Z";

    /** Own prefix and group; the blocked partition is retried every second. */
    public static class Skew implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("valora.topics.prefix", "skew-", "valora.consumer.group-id", "skew-invoice-service",
                    "valora.consumer.skew-retry", "PT1S");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The tables' owner (the test server's superuser): sees and may do everything, as the test needs. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource db;

    @Test
    void pausesThePartitionAtARecordOfANewerSchemaAndReportsNotReady() throws Exception {
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers, "skew-rated-charges", "skew-invoice-service")) {
            topic.publish(0, charge("demo", "skew-1", "before", NOV).setAmountMinor(1).build());
            long newer = topic.end(0);
            topic.publishRaw(0, "demo/skew-1/newer", newerSchemaRecord());
            topic.publish(0, charge("demo", "skew-1", "after", NOV).setAmountMinor(2).build());
            topic.publish(1, charge("demo", "skew-2", "other-partition", NOV).setAmountMinor(3).build());

            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(storedMeters()).contains("before", "other-partition"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(topic.committed(0)).isEqualTo(newer));
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'rated-charge-consumer' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'rated-charge-consumer' }.data.reason",
                            containsString("skew-rated-charges-0"))
                    .body("checks.find { it.name == 'rated-charge-consumer' }.data.'blocked.skew-rated-charges-0'",
                            containsString("fingerprint"));

            // Tried again every second, it is still unknown: never committed past, the record after it never stored.
            Awaitility.await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(topic.committed(0)).isEqualTo(newer));
            assertThat(storedMeters()).doesNotContain("after");
        }
    }

    /** A well-formed single-object header (C3 01) with a fingerprint no released schema has, then a body. */
    private static byte[] newerSchemaRecord() {
        ByteBuffer buffer = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put((byte) 0xC3).put((byte) 0x01).putLong(0x1234_5678_9ABC_DEF0L).put(new byte[10]);
        return buffer.array();
    }

    private java.util.List<String> storedMeters() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT meter FROM rated_charges WHERE subscription IN ('skew-1', 'skew-2')");
                ResultSet rs = ps.executeQuery()) {
            java.util.List<String> meters = new java.util.ArrayList<>();
            while (rs.next()) {
                meters.add(rs.getString(1));
            }
            return meters;
        }
    }
}
