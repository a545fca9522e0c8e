package io.valora.invoice;

import static io.valora.invoice.support.Api.asDemo;
import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.invoice.support.Api;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Invoice list filters (status, from, to) and the printable HTML page. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class InvoiceQueryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void filtersByStatusAndPeriodStart() {
        String customer = "query-filter";
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            for (String period : new String[] {"2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z"}) {
                topic.publish(charge("demo", customer, "api-calls", period).setAmountMinor(100).build());
            }
            topic.awaitConsumed();
        }
        String july = Api.close("2026-07-01T00:00:00Z", customer).statusCode(200).extract().path("invoices[0].id");
        Api.close("2026-06-01T00:00:00Z", customer).statusCode(200);
        Api.close("2026-08-01T00:00:00Z", customer).statusCode(200);
        asDemo().post("/v1/invoices/" + july + "/finalize").then().statusCode(200);

        asDemo().get("/v1/invoices?customer=" + customer + "&status=finalized").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(july));
        asDemo().get("/v1/invoices?customer=" + customer + "&status=draft&from=2026-07-01T00:00:00Z").then()
                .body("items", hasSize(1)).body("items[0].periodStart", equalTo("2026-08-01T00:00:00Z"));
        asDemo().get("/v1/invoices?customer=" + customer + "&from=2026-06-15T00:00:00Z&to=2026-08-01T00:00:00Z").then()
                .body("items", hasSize(1)).body("items[0].id", equalTo(july));
        asDemo().get("/v1/invoices?status=sent").then().statusCode(400)
                .body("type", equalTo("https://valora.dev/problems/invalid-filter"));
        asDemo().get("/v1/invoices?from=yesterday").then().statusCode(400);
    }

    @Test
    void servesAPrintableHtmlPageToBrowsersAndJsonToEveryoneElse() {
        String customer = "html<script>alert(1)</script>";
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("demo", customer, "api-calls", "2026-05-01T00:00:00Z").setQuantity("1234.5")
                    .setAmountMinor(1235).build());
            topic.awaitConsumed();
        }
        String id = Api.close("2026-05-01T00:00:00Z", customer).statusCode(200).extract().path("invoices[0].id");
        long number = asDemo().get("/v1/invoices/" + id).then().statusCode(200).extract().jsonPath().getLong("number");
        assertThat(number).isPositive();

        String html = asDemo().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("/v1/invoices/" + id).then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<h1>Invoice " + number + "</h1>"))
                .body(containsString("12.35"))
                .body(containsString("<dt>Subscription</dt><dd>html&lt;script&gt;"))
                .body(containsString("html&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>")))
                .extract().asString();
        assertThat(html).startsWith("<!DOCTYPE html>");

        asDemo().accept("*/*").get("/v1/invoices/" + id).then().statusCode(200)
                .contentType(containsString("application/json")).body("total", equalTo("12.35"));
        asDemo().accept("text/html").get("/v1/invoices/unknown").then().statusCode(404);
    }
}
