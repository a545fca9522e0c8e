package io.valora.invoice.lifecycle;

import static io.valora.invoice.support.Charges.charge;
import static io.valora.invoice.support.Operator.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.valora.invoice.close.PeriodCloseScheduler;
import io.valora.invoice.support.Catalog;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.Operator;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Usage that updates a charge after its invoice was finalized (still inside rating's grace) is
 * billed exactly once: as an adjustment on the next period's invoice.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class LateChangeTest {

    private static final String OCT = "2026-10-01T00:00:00Z";
    private static final String NOV = "2026-11-01T00:00:00Z";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PeriodCloseScheduler scheduler;

    @Test
    void usageAfterFinalizationIsBilledOnceOnTheNextInvoice() {
        String tenant = "late-" + UUID.randomUUID().toString().substring(0, 8);
        String key = Operator.createTenant(tenant);
        Catalog.customer(key, "cust", "UTC", "USD");
        Catalog.plan(key, "basic", "MONTHLY", "10.00", "api", "0.01", null);
        String sub = Catalog.subscribe(key, "cust", "basic", OCT, 0);
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge(tenant, "cust", "api", OCT).setSubscription(sub).setQuantity("100").setAmountMinor(100)
                    .setSequence(1).build());
            topic.awaitConsumed();
            String october = close(key, OCT).getString("invoices[0].id");
            withKey(key).post("/v1/invoices/" + october + "/finalize").then().statusCode(200).body("status", equalTo("finalized"));

            // Inside the grace: rating updates October's charge after the invoice went out.
            topic.publish(charge(tenant, "cust", "api", OCT).setSubscription(sub).setQuantity("150").setAmountMinor(150)
                    .setSequence(2).build());
            topic.awaitConsumed();
        }
        scheduler.closeDue();
        scheduler.closeDue();

        JsonPath october = withKey(key).get("/v1/invoices?customer=cust&to=" + NOV).then().statusCode(200).extract().jsonPath();
        assertThat(october.getString("items[0].status")).isEqualTo("finalized");
        JsonPath november = close(key, NOV);
        List<Map<String, Object>> lines = november.getList("invoices[0].lines");
        List<Map<String, Object>> adjustments = lines.stream().filter(l -> "ADJUSTMENT".equals(l.get("kind"))).toList();
        assertThat(adjustments).hasSize(1);
        assertThat(new BigDecimal((String) adjustments.get(0).get("quantity"))).isEqualByComparingTo("50");
        assertThat(adjustments.get(0).get("amountMinor")).isEqualTo(50);

        // Billed in all: 100 on October's invoice + 50 on November's = the 150 used. Closing again changes nothing.
        scheduler.closeDue();
        assertThat(close(key, NOV).getList("invoices[0].lines", Map.class).stream()
                .filter(l -> "ADJUSTMENT".equals(l.get("kind"))).count()).isEqualTo(1);
    }

    private static JsonPath close(String key, String periodStart) {
        return withKey(key).contentType(ContentType.JSON).body("{\"periodStart\": \"" + periodStart + "\", \"customer\": \"cust\"}")
                .post("/v1/invoices/close").then().statusCode(200).extract().jsonPath();
    }
}
