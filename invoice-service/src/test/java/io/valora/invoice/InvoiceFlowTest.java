package io.valora.invoice;

import static io.valora.invoice.support.Api.asDemo;
import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.db.Databases;
import io.valora.invoice.support.Api;
import io.valora.invoice.support.ChargeRows;
import io.valora.invoice.support.DeadLetterTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.schemas.DeadLetterHeaders;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rated charges published to the real broker end up, through the real consumer and a real
 * PostgreSQL, on the invoice — exactly once, whatever the delivery order or repetition.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class InvoiceFlowTest {

    private static final String NOV = "2026-11-01T00:00:00Z";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The tables' owner (the test server's superuser): sees and may do everything, as the test needs. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource db;

    private RatedChargeTopic topic;

    @BeforeEach
    void connect() {
        topic = new RatedChargeTopic(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void invoicesThePeriodToDateChargesToTheCent() {
        topic.publish(charge("demo", "flow-1", "api-calls", NOV).setQuantity("100").setAmountMinor(100).setSequence(1).build());
        topic.publish(charge("demo", "flow-1", "api-calls", NOV).setQuantity("1234.5").setAmountMinor(1235).setSequence(2).build());
        topic.publish(charge("demo", "flow-1", "storage-gb", NOV).setQuantity("10").setUnitPrice("0.25").setAmountMinor(250).build());

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.close(NOV, "flow-1").statusCode(200).body("invoices[0].total", equalTo("14.85")));

        Api.close(NOV, "flow-1")
                .contentType(ContentType.JSON)
                .body("invoices", hasSize(1))
                .body("invoices[0].customer", equalTo("flow-1"))
                .body("invoices[0].periodStart", equalTo(NOV))
                .body("invoices[0].periodEnd", equalTo("2026-12-01T00:00:00Z"))
                .body("invoices[0].currency", equalTo("USD"))
                .body("invoices[0].status", equalTo("draft"))
                .body("invoices[0].subtotal", equalTo("14.85"))
                .body("invoices[0].totalMinor", equalTo(1485))
                .body("invoices[0].lines", hasSize(2))
                .body("invoices[0].lines[0].kind", equalTo("USAGE"))
                .body("invoices[0].lines[0].meter", equalTo("api-calls"))
                .body("invoices[0].lines[0].quantity", equalTo("1234.5"))
                .body("invoices[0].lines[0].unitPrice", equalTo("0.01"))
                .body("invoices[0].lines[0].amount", equalTo("12.35"))
                .body("invoices[0].lines[0].amountMinor", equalTo(1235))
                .body("invoices[0].lines[1].meter", equalTo("storage-gb"))
                .body("invoices[0].lines[1].amount", equalTo("2.50"));
    }

    @Test
    void olderSequenceDoesNotOverwriteNewerOne() {
        topic.publish(charge("demo", "flow-2", "api-calls", NOV).setQuantity("500").setAmountMinor(500).setSequence(5).build());
        topic.publish(charge("demo", "flow-2", "api-calls", NOV).setQuantity("300").setAmountMinor(300).setSequence(3).build());
        topic.awaitConsumed();

        assertThat(ChargeRows.find(db, "demo", "flow-2", "api-calls")).get()
                .returns(5L, ChargeRows.Row::sequence).returns(500L, ChargeRows.Row::amountMinor);
        Api.close(NOV, "flow-2").statusCode(200).body("invoices[0].total", equalTo("5.00"));
    }

    @Test
    void redeliveredChargeChangesNothing() {
        var charge = charge("demo", "flow-3", "api-calls", NOV).setQuantity("700").setAmountMinor(700).setSequence(7).build();
        topic.publish(charge);
        topic.awaitConsumed();
        ChargeRows.Row before = ChargeRows.find(db, "demo", "flow-3", "api-calls").orElseThrow();

        topic.publish(charge);
        topic.awaitConsumed();

        assertThat(ChargeRows.find(db, "demo", "flow-3", "api-calls")).contains(before);
        Api.close(NOV, "flow-3").statusCode(200).body("invoices[0].total", equalTo("7.00"));
    }

    @Test
    void closingTwiceKeepsOneInvoiceAndRecomputesItInPlace() {
        topic.publish(charge("demo", "flow-4", "api-calls", NOV).setQuantity("100").setAmountMinor(100).setSequence(1).build());
        topic.awaitConsumed();
        String id = Api.close(NOV, "flow-4").statusCode(200).body("invoices[0].total", equalTo("1.00"))
                .extract().path("invoices[0].id");
        String lineId = Api.close(NOV, "flow-4").statusCode(200).body("invoices[0].id", equalTo(id))
                .extract().path("invoices[0].lines[0].id");

        topic.publish(charge("demo", "flow-4", "api-calls", NOV).setQuantity("250").setAmountMinor(250).setSequence(2).build());
        topic.awaitConsumed();
        Api.close(NOV, "flow-4").statusCode(200)
                .body("invoices[0].id", equalTo(id))
                .body("invoices[0].lines[0].id", equalTo(lineId))
                .body("invoices[0].total", equalTo("2.50"));

        asDemo().get("/v1/invoices?customer=flow-4").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("nextCursor", equalTo(null));
        asDemo().get("/v1/invoices/" + id).then().statusCode(200)
                .body("total", equalTo("2.50"))
                .body("lines[0].quantity", equalTo("250"));
    }

    @Test
    void closingWithoutCustomerInvoicesEveryCustomerOfThePeriod() {
        String oct = "2026-10-01T00:00:00Z";
        topic.publish(charge("demo", "all-1", "api-calls", oct).setAmountMinor(101).build());
        topic.publish(charge("demo", "all-2", "api-calls", oct).setAmountMinor(202).build());
        topic.awaitConsumed();

        asDemo().contentType(ContentType.JSON).body("{\"periodStart\":\"" + oct + "\"}")
                .post("/v1/invoices/close").then().statusCode(200)
                .body("invoices.findAll { it.customer.startsWith('all-') }.total", equalTo(java.util.List.of("1.01", "2.02")));
    }

    @Test
    void refusesToInvoiceChargesInTwoCurrencies() {
        topic.publish(charge("demo", "flow-5", "api-calls", NOV).setAmountMinor(100).build());
        topic.publish(charge("demo", "flow-5", "storage-gb", NOV).setAmountMinor(100).setCurrency("EUR").build());
        topic.awaitConsumed();

        Api.close(NOV, "flow-5").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://valora.dev/problems/mixed-currencies"))
                .body("status", equalTo(409));
    }

    @Test
    void listsACustomersInvoicesInPeriodOrderPageByPage() {
        for (String month : new String[] {"2026-08-01T00:00:00Z", "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"}) {
            topic.publish(charge("demo", "pages-1", "api-calls", month).setAmountMinor(100).build());
        }
        topic.awaitConsumed();
        for (String month : new String[] {"2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z"}) {
            Api.close(month, "pages-1").statusCode(200);
        }

        String next = asDemo().get("/v1/invoices?customer=pages-1&limit=2").then().statusCode(200)
                .body("items.periodStart", equalTo(java.util.List.of("2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z")))
                .extract().path("nextCursor");
        asDemo().queryParam("customer", "pages-1").queryParam("limit", 2).queryParam("cursor", next)
                .get("/v1/invoices").then().statusCode(200)
                .body("items.periodStart", equalTo(java.util.List.of("2026-08-01T00:00:00Z")))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void deadLettersUnreadableRecordsWithTheirReasonAndKeepsConsuming() {
        byte[] garbage = "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        topic.publishRaw("demo/flow-6/api-calls/" + NOV, garbage);
        topic.publish(charge("demo", "flow-6", "api-calls", NOV).setQuantity("not-a-number").setAmountMinor(1).build());
        topic.publish(charge("demo", "flow-6", "storage-gb", NOV).setAmountMinor(606).build());
        topic.awaitConsumed();

        Api.close(NOV, "flow-6").statusCode(200)
                .body("invoices[0].total", equalTo("6.06"))
                .body("invoices[0].lines", hasSize(1));
        var letters = DeadLetterTopic.all(bootstrapServers, DeadLetterTopic.TOPIC).stream()
                .filter(l -> "invoice-service".equals(l.headers().get(DeadLetterHeaders.SERVICE))).toList();
        assertThat(letters).anySatisfy(l -> {
            assertThat(l.value()).isEqualTo(garbage);
            assertThat(l.headers()).containsEntry(DeadLetterHeaders.SOURCE_TOPIC, "rated-charges")
                    .containsKeys(DeadLetterHeaders.SOURCE_PARTITION, DeadLetterHeaders.SOURCE_OFFSET,
                            DeadLetterHeaders.EXCEPTION_CLASS, DeadLetterHeaders.EXCEPTION_MESSAGE);
        });
        assertThat(letters).anySatisfy(l -> assertThat(l.headers().get(DeadLetterHeaders.EXCEPTION_MESSAGE))
                .contains("quantity is not an exact decimal"));
    }
}
