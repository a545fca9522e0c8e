package io.valora.invoice;

import io.valora.service.problem.ProblemMappers;
import static io.restassured.RestAssured.given;
import static io.valora.invoice.support.Api.asDemo;
import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.close.PeriodCloser;
import io.valora.invoice.invoices.StoredInvoice;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The REST boundary: authentication, tenant isolation, problem details, health and OpenAPI. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class InvoiceApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PeriodCloser closer;

    @Test
    void rejectsRequestWithoutApiKey() {
        given().get("/v1/invoices").then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://valora.dev/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void rejectsRequestWithWrongApiKey() {
        given().header("Authorization", "Bearer not-the-key").get("/v1/invoices/x").then().statusCode(401)
                .contentType(PROBLEM_JSON)
                // One wording in every service since the shared auth stack (invoice-service used to say
                // only "The API key is not valid."; the gateway named the header to send).
                .body("detail", equalTo(ProblemMappers.UNKNOWN_KEY));
    }

    @Test
    void answersNotFoundForUnknownInvoice() {
        asDemo().get("/v1/invoices/no-such-invoice").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/not-found"));
    }

    @Test
    void framingErrorsUseTheSharedProblemTypes() {
        // One mapping in every service since the shared problem details: invoice-service used to name
        // framework errors after the reason phrase (not-found, unsupported-media-type); the gateway's
        // http-<status> is kept, so a client branches on the same type whichever service answered.
        asDemo().get("/v1/no-such-resource").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/http-404"));
        asDemo().contentType("text/plain").body("x").post("/v1/invoices/close").then().statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/http-415"));
    }

    @Test
    void anOperatorTokenIsNoApiKeyAndAnApiKeyNoOperatorToken() {
        given().header("Authorization", "Bearer test-operator-token").get("/v1/invoices").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        asDemo().contentType("application/json").body("{\"id\":\"x-co\"}").post("/v1/operator/tenants").then().statusCode(401)
                .body("detail", equalTo("The operator token is not valid."));
        given().contentType("application/json").body("{\"id\":\"x-co\"}").post("/v1/operator/tenants").then().statusCode(401)
                .body("detail", containsString("operator token"));
    }

    @Test
    void answersNotFoundForAnotherTenantsInvoice() {
        String period = "2026-11-01T00:00:00Z";
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("other-tenant", "foreign-1", "api-calls", period).setAmountMinor(999).build());
            topic.awaitConsumed();
        }
        List<StoredInvoice> theirs = closer.close("other-tenant", Instant.parse(period), Optional.of("foreign-1"));
        assertThat(theirs).hasSize(1);

        asDemo().get("/v1/invoices/" + theirs.get(0).id()).then().statusCode(404);
        asDemo().get("/v1/invoices?customer=foreign-1").then().statusCode(200).body("items", empty());
        asDemo().contentType(ContentType.JSON).body("{\"periodStart\":\"" + period + "\",\"customer\":\"foreign-1\"}")
                .post("/v1/invoices/close").then().statusCode(200).body("invoices", empty());
    }

    @Test
    void closingAPeriodWithoutChargesWritesNothing() {
        asDemo().contentType(ContentType.JSON).body("{\"periodStart\":\"2020-01-01T00:00:00Z\",\"customer\":\"nobody\"}")
                .post("/v1/invoices/close").then().statusCode(200).body("invoices", empty());
    }

    @Test
    void refusesCloseRequestWithoutValidPeriodStart() {
        asDemo().contentType(ContentType.JSON).body("{\"periodStart\":\"November\"}")
                .post("/v1/invoices/close").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/invalid-close-request"))
                .body("detail", containsString("ISO-8601"));
        asDemo().contentType(ContentType.JSON).body("{}")
                .post("/v1/invoices/close").then().statusCode(400).contentType(PROBLEM_JSON);
        asDemo().contentType(ContentType.JSON)
                .post("/v1/invoices/close").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void refusesMalformedJson() {
        asDemo().contentType(ContentType.JSON).body("{\"periodStart\": ")
                .post("/v1/invoices/close").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/malformed-json"));
    }

    @Test
    void refusesBadPagingParameters() {
        asDemo().get("/v1/invoices?limit=lots").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/invalid-limit"));
        asDemo().get("/v1/invoices?cursor=%%%").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://valora.dev/problems/invalid-cursor"));
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        asDemo().delete("/v1/invoices/abc").then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void reportsHealthAndOpenApi() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/invoices/{id}"));
    }
}
