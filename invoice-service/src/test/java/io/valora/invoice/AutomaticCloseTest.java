package io.valora.invoice;

import static io.valora.invoice.support.Api.asDemo;
import static io.valora.invoice.support.Charges.charge;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.invoice.close.PeriodCloseScheduler;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.invoice.support.TestClock;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Periods close by themselves once they ended more than the grace (1 h) ago, on the
 * application's clock ({@link TestClock}: 2026-11-20T12:00Z); the scheduler runs every second
 * in tests.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class AutomaticCloseTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PeriodCloseScheduler scheduler;

    @Test
    void closesAnEndedPeriodWithoutBeingAsked() {
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("demo", "auto-1", "api-calls", "2026-09-01T00:00:00Z").setAmountMinor(4321).build());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                asDemo().get("/v1/invoices?customer=auto-1").then().statusCode(200)
                        .body("items[0].total", equalTo("43.21"))
                        .body("items[0].status", equalTo("draft")));
    }

    @Test
    void waitsForTheGraceAfterThePeriodEnd() {
        Instant justEnded = TestClock.NOW.minus(Duration.ofMinutes(30));
        Instant endedLongAgo = TestClock.NOW.minus(Duration.ofHours(2));
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("demo", "grace-1", "api-calls", "2026-11-20T00:00:00Z")
                    .setPeriodEnd(justEnded).setAmountMinor(100).build());
            topic.publish(charge("demo", "grace-2", "api-calls", "2026-11-20T00:00:00Z")
                    .setPeriodEnd(endedLongAgo).setAmountMinor(200).build());
            topic.awaitConsumed();
        }

        scheduler.closeDue();

        asDemo().get("/v1/invoices?customer=grace-1").then().statusCode(200).body("items", empty());
        asDemo().get("/v1/invoices?customer=grace-2").then().statusCode(200).body("items[0].total", equalTo("2.00"));
    }
}
