package io.valora.invoice.plans;

import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.catalog.PriceModelSpecs;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /v1/plans}: versions, validation through PriceModelSpecs, isolation, and the plans topic. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class PlansTest {

    static final String PRO = "{\"key\":\"pro\",\"name\":\"Pro\",\"currency\":\"USD\",\"rounding\":\"HALF_UP\","
            + "\"cadence\":\"MONTHLY\",\"flatFees\":[{\"code\":\"platform\",\"description\":\"Platform fee\","
            + "\"amount\":\"49.00\"}],\"usageCharges\":[{\"meter\":\"api_call\",\"model\":{\"kind\":\"per_unit\","
            + "\"unitPrice\":\"0.01\"}}],\"minimumSpend\":null}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void createsVersionsAndPublishesEachOne() {
        String key = createTenant("plan-pub-co");
        withKey(key).contentType(ContentType.JSON).body(PRO).post("/v1/plans").then().statusCode(201)
                .body("version", equalTo(1)).body("flatFees[0].amount", equalTo("49.00"))
                .body("usageCharges[0].model.unitPrice", equalTo("0.01"));
        withKey(key).contentType(ContentType.JSON).body(PRO).post("/v1/plans").then().statusCode(409)
                .body("type", equalTo("https://valora.dev/problems/plan-exists"));
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"key\":\"pro\",", "").replace("49.00", "59.00"))
                .put("/v1/plans/pro").then().statusCode(200).body("version", equalTo(2))
                .body("flatFees[0].amount", equalTo("59.00"));

        withKey(key).get("/v1/plans/pro").then().statusCode(200).body("version", equalTo(2));
        withKey(key).get("/v1/plans/pro/versions/1").then().statusCode(200).body("flatFees[0].amount", equalTo("49.00"));
        withKey(key).get("/v1/plans/pro/versions/3").then().statusCode(404);
        withKey(key).get("/v1/plans").then().statusCode(200).body("items", hasSize(1)).body("items[0].version", equalTo(2));

        var deserializer = RecordSerde.singleObject(Plan.class).deserializer();
        List<Plan> published = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, "plans").entrySet().stream()
                        .filter(e -> e.getKey().startsWith("plan-pub-co/pro/"))
                        .flatMap(e -> e.getValue().stream()).map(Optional::orElseThrow)
                        .map(b -> deserializer.deserialize("plans", b)).toList(), list -> list.size() == 2);
        Plan v1 = published.stream().filter(p -> p.getVersion() == 1).findFirst().orElseThrow();
        assertThat(v1.getFlatFees().get(0).getAmount()).isEqualTo("49.00");
        assertThat(PriceModelSpecs.toModel(v1.getUsageCharges().get(0).getModel(), Currency.getInstance("USD"))
                .price(new BigDecimal("300")).amount()).isEqualByComparingTo("3.00");
    }

    @Test
    void refusesValuesBeyondTheDocumentedLimitsNamingTheField() {
        String key = createTenant("plan-limits-co");
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"name\":\"Pro\"", "\"name\":\"" + "x".repeat(201) + "\""))
                .post("/v1/plans").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-plan"))
                .body("errors.field", hasItem("name"));
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"unitPrice\":\"0.01\"", "\"unitPrice\":\"1000000000.01\"")
                        .replace("\"49.00\"", "\"0.0000000000001\""))
                .post("/v1/plans").then().statusCode(422)
                .body("errors.field", hasItem("usageCharges[0].model.unitPrice"))
                .body("errors.field", hasItem("flatFees[0].amount"));
    }

    @Test
    void refusesABodyLargerThanARecordMayBe() {
        String key = createTenant("plan-body-co");
        withKey(key).contentType(ContentType.JSON)
                .body(PRO.replace("\"name\":\"Pro\"", "\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\""))
                .post("/v1/plans").then().statusCode(413);
    }

    @Test
    void refusesInvalidModelsWithFieldErrors() {
        String key = createTenant("plan-valid-co");
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"unitPrice\":\"0.01\"", "\"unitPrice\":\"abc\""))
                .post("/v1/plans").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-plan"))
                .body("errors.field", hasItem("usageCharges[0].model"));
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("per_unit", "average"))
                .post("/v1/plans").then().statusCode(422).body("errors.field", hasItem("usageCharges[0].model"));
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"USD\"", "\"XXY\"").replace("MONTHLY", "HOURLY"))
                .post("/v1/plans").then().statusCode(422).body("errors.field", hasItem("currency"))
                .body("errors.field", hasItem("cadence"));
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"kind\":\"per_unit\",\"unitPrice\":\"0.01\"",
                        "\"kind\":\"graduated\",\"tiers\":[{\"upTo\":\"100\",\"unitPrice\":\"0\"},{\"unitPrice\":\"0.02\"}]"))
                .post("/v1/plans").then().statusCode(201).body("usageCharges[0].model.tiers", hasSize(2));
        withKey(key).contentType(ContentType.JSON).body(PRO.replace("\"key\":\"pro\",", "")).put("/v1/plans/missing").then().statusCode(404);
    }

    @Test
    void hidesOtherTenantsPlans() {
        String mine = createTenant("plan-mine-co");
        String theirs = createTenant("plan-theirs-co");
        withKey(theirs).contentType(ContentType.JSON).body(PRO).post("/v1/plans").then().statusCode(201);
        withKey(mine).get("/v1/plans/pro").then().statusCode(404).body("detail", equalTo("No plan with id 'pro'."));
        withKey(mine).get("/v1/plans/pro/versions/1").then().statusCode(404);
        withKey(mine).contentType(ContentType.JSON).body(PRO).put("/v1/plans/pro").then().statusCode(404);
        withKey(mine).get("/v1/plans").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void metersCarryFiltersToTheTopic() {
        String key = createTenant("meter-filter-co");
        withKey(key).contentType(ContentType.JSON).body("{\"key\":\"gpt\",\"eventType\":\"com.acme.llm\",\"aggregation\":\"sum\","
                        + "\"valueProperty\":\"usage.tokens\",\"filters\":{\"model\":\"gpt-4\",\"region.name\":\"eu\"}}")
                .post("/v1/meters").then().statusCode(201).body("filters.model", equalTo("gpt-4"));
        withKey(key).get("/v1/meters/gpt").then().statusCode(200).body("filters.'region.name'", equalTo("eu"))
                .body("name", nullValue());
        var deserializer = RecordSerde.singleObject(Meter.class).deserializer();
        Meter published = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, "meters").get("meter-filter-co/gpt")
                        .stream().map(Optional::orElseThrow).map(b -> deserializer.deserialize("meters", b)).toList(),
                        list -> list.size() == 1).get(0);
        assertThat(published.getFilters()).containsEntry("model", "gpt-4").containsEntry("region.name", "eu");
    }
}
