package io.valora.invoice.subscriptions;

import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.Catalog;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.schemas.Subscription;
import io.valora.schemas.codec.RecordSerde;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/subscriptions} against the fixed clock (2026-11-20T12:00Z): trial, calendar anchor in the
 * customer's zone, plan changes now and at the next period, cancel at period end, refusals,
 * isolation, and the whole record on the subscriptions topic after each change.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class SubscriptionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void lifecycleWithTrialPlanChangesAndCancelAtPeriodEnd() {
        String key = createTenant("sub-life-co");
        Catalog.customer(key, "ada", "Europe/Berlin", "USD");
        Catalog.plan(key, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        Catalog.plan(key, "pro", "MONTHLY", "49.00", "api_call", "0.005", null);
        Catalog.plan(key, "daily", "DAILY", "1.00", "api_call", "0.01", null);

        String id = withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"ada\",\"plan\":\"basic\",\"planVersion\":null,"
                        + "\"externalId\":\"ext-ada\",\"startAt\":\"2026-11-10T09:30:00Z\",\"anchor\":\"calendar\",\"trialDays\":14}")
                .post("/v1/subscriptions").then().statusCode(201)
                .body("anchor", equalTo("2026-11-01T00:00")).body("timeZone", equalTo("Europe/Berlin"))
                .body("cadence", equalTo("MONTHLY")).body("status", equalTo("trialing"))
                .body("trialEndAt", equalTo("2026-11-24T09:30:00Z")).body("planVersion", equalTo(1))
                .body("phases", hasSize(1)).body("phases[0].until", nullValue())
                .extract().path("id");
        assertThat(id).startsWith("sub_");

        // Upgrade now: basic until now, pro from now.
        withKey(key).contentType(ContentType.JSON).body("{\"plan\":\"pro\",\"effective\":\"now\"}")
                .post("/v1/subscriptions/" + id + "/change-plan").then().statusCode(200)
                .body("plan", equalTo("pro")).body("phases", hasSize(2))
                .body("phases[0].until", equalTo("2026-11-20T12:00:00Z")).body("phases[1].from", equalTo("2026-11-20T12:00:00Z"));
        // Downgrade at the next period: the period ends at midnight of Dec 1st in Berlin (23:00Z).
        withKey(key).contentType(ContentType.JSON).body("{\"plan\":\"basic\",\"effective\":\"next_period\"}")
                .post("/v1/subscriptions/" + id + "/change-plan").then().statusCode(200)
                .body("plan", equalTo("pro")).body("phases", hasSize(3))
                .body("phases[2].from", equalTo("2026-11-30T23:00:00Z")).body("phases[2].plan", equalTo("basic"));
        withKey(key).contentType(ContentType.JSON).body("{\"plan\":\"daily\",\"effective\":\"now\"}")
                .post("/v1/subscriptions/" + id + "/change-plan").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/cadence-mismatch"));

        withKey(key).contentType(ContentType.JSON).body("{\"effective\":\"period_end\"}")
                .post("/v1/subscriptions/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("scheduled_cancel")).body("endAt", equalTo("2026-11-30T23:00:00Z"))
                .body("phases", hasSize(2)).body("phases[1].until", equalTo("2026-11-30T23:00:00Z"));

        withKey(key).get("/v1/subscriptions?customer=ada&status=scheduled_cancel").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].externalId", equalTo("ext-ada"));
        withKey(key).get("/v1/subscriptions?status=active").then().statusCode(200).body("items", hasSize(0));

        var deserializer = RecordSerde.singleObject(Subscription.class).deserializer();
        List<Subscription> published = Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ApiKeyTopic.Records.all(bootstrapServers, "subscriptions").get("sub-life-co/" + id)
                        .stream().map(Optional::orElseThrow).map(b -> deserializer.deserialize("subscriptions", b)).toList(),
                        list -> list.size() == 4);
        Subscription last = published.get(3);
        assertThat(last.getStatus()).isEqualTo("scheduled_cancel");
        assertThat(last.getEndAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(last.getPhases()).extracting(p -> p.getPlan()).containsExactly("basic", "pro");
        assertThat(published.get(0).getPhases()).hasSize(1);
    }

    @Test
    void cancelNowEndsItAndRefusesFurtherChanges() {
        String key = createTenant("sub-cancel-co");
        Catalog.customer(key, "bob", "UTC", "USD");
        Catalog.plan(key, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        String id = Catalog.subscribe(key, "bob", "basic", "2026-10-05T00:00:00Z", 0);
        withKey(key).get("/v1/subscriptions/" + id).then().body("status", equalTo("active"))
                .body("anchor", equalTo("2026-10-01T00:00"));
        withKey(key).contentType(ContentType.JSON).body("{\"effective\":\"now\"}").post("/v1/subscriptions/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled")).body("endAt", equalTo("2026-11-20T12:00:00Z"));
        withKey(key).contentType(ContentType.JSON).body("{\"plan\":\"basic\"}").post("/v1/subscriptions/" + id + "/change-plan")
                .then().statusCode(409).body("type", equalTo("https://valora.dev/problems/subscription-ended"));
    }

    @Test
    void refusesUnknownReferencesAndBadBodies() {
        String key = createTenant("sub-refuse-co");
        Catalog.customer(key, "cara", "UTC", "USD");
        Catalog.customer(key, "euro", "UTC", "EUR");
        Catalog.plan(key, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"nobody\",\"plan\":\"basic\"}").post("/v1/subscriptions")
                .then().statusCode(422).body("type", equalTo("https://valora.dev/problems/unknown-customer"));
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"cara\",\"plan\":\"gold\"}").post("/v1/subscriptions")
                .then().statusCode(422).body("type", equalTo("https://valora.dev/problems/unknown-plan"));
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"cara\",\"plan\":\"basic\",\"planVersion\":7}")
                .post("/v1/subscriptions").then().statusCode(422).body("type", equalTo("https://valora.dev/problems/unknown-plan"));
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"euro\",\"plan\":\"basic\"}").post("/v1/subscriptions")
                .then().statusCode(422).body("type", equalTo("https://valora.dev/problems/currency-mismatch"));
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"cara\",\"plan\":\"basic\",\"anchor\":\"sometimes\"}")
                .post("/v1/subscriptions").then().statusCode(400).body("type", equalTo("https://valora.dev/problems/invalid-subscription"));
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"cara\",\"plan\":\"basic\",\"externalId\":\""
                        + "x".repeat(201) + "\"}")
                .post("/v1/subscriptions").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-subscription"))
                .body("errors[0].field", equalTo("externalId"));
        withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"cara\",\"plan\":\"basic\"}").post("/v1/subscriptions")
                .then().statusCode(201).body("startAt", equalTo("2026-11-20T12:00:00Z")).body("status", equalTo("active"));
    }

    @Test
    void anotherTenantsSubscriptionIsNotFound() {
        String mine = createTenant("sub-mine-co");
        String theirs = createTenant("sub-theirs-co");
        Catalog.customer(theirs, "dan", "UTC", "USD");
        Catalog.plan(theirs, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        Catalog.plan(mine, "basic", "MONTHLY", "10.00", "api_call", "0.01", null);
        String id = Catalog.subscribe(theirs, "dan", "basic", "2026-11-01T00:00:00Z", 0);
        withKey(mine).get("/v1/subscriptions/" + id).then().statusCode(404);
        withKey(mine).contentType(ContentType.JSON).body("{\"plan\":\"basic\"}").post("/v1/subscriptions/" + id + "/change-plan")
                .then().statusCode(404);
        withKey(mine).contentType(ContentType.JSON).body("{}").post("/v1/subscriptions/" + id + "/cancel").then().statusCode(404);
        withKey(mine).get("/v1/subscriptions").then().statusCode(200).body("items", hasSize(0));
        withKey(mine).contentType(ContentType.JSON).body("{\"customer\":\"dan\",\"plan\":\"basic\"}").post("/v1/subscriptions")
                .then().statusCode(422).body("type", equalTo("https://valora.dev/problems/unknown-customer"));
        withKey(theirs).get("/v1/subscriptions/" + id).then().statusCode(200).body("status", equalTo("active"));
    }
}
