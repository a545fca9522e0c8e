package io.valora.invoice.lifecycle;

import static io.valora.invoice.support.Api.asDemo;
import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.invoice.db.ClusterLock;
import io.valora.invoice.db.Databases;
import io.valora.invoice.support.Api;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.InvoiceEventTopic;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Finalization after a delay, and the database lock that lets one instance run a job at a time. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class AutoFinalizerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AutoFinalizer finalizer;

    @Inject
    ClusterLock lock;

    /** The tables' owner (the test server's superuser): sees and may do everything, as the test needs. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource db;

    @Test
    void finalizesDraftsWhosePeriodEndedBeforeTheCutoffOnly() {
        String endedPeriod = "2025-03-01T00:00:00Z"; // no other test bills 2025, so only this draft is due
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("demo", "auto-fin-1", "api-calls", endedPeriod).setAmountMinor(300).build());
            topic.awaitConsumed();
        }
        String id = Api.close(endedPeriod, "auto-fin-1").statusCode(200).extract().path("invoices[0].id");

        finalizer.finalizeDue(Instant.parse("2025-03-31T00:00:00Z"));
        asDemo().get("/v1/invoices/" + id).then().body("status", equalTo("draft"));

        assertThat(finalizer.finalizeDue(Instant.parse("2025-04-02T00:00:00Z"))).isEqualTo(1);
        asDemo().get("/v1/invoices/" + id).then().body("status", equalTo("finalized"));
        assertThat(InvoiceEventTopic.awaitEvents(bootstrapServers, "demo", id, 2))
                .extracting(e -> e.getType()).containsExactly("invoice.created", "invoice.finalized");
        assertThat(finalizer.finalizeDue(Instant.parse("2025-04-02T00:00:00Z"))).isZero();
    }

    @Test
    void aJobRunsOnOneInstanceAtATime() throws Exception {
        AtomicBoolean ran = new AtomicBoolean();
        try (Connection other = db.getConnection();
             PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, ClusterLock.PERIOD_CLOSE);
            ps.execute();
            assertThat(lock.runExclusively(ClusterLock.PERIOD_CLOSE, () -> ran.set(true))).isFalse();
            assertThat(ran).isFalse();
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, ClusterLock.PERIOD_CLOSE);
                unlock.execute();
            }
        }
        assertThat(lock.runExclusively(ClusterLock.PERIOD_CLOSE, () -> ran.set(true))).isTrue();
        assertThat(ran).isTrue();
    }
}
