package io.valora.invoice.keys;

import static io.valora.invoice.support.Api.asDemo;
import static io.valora.invoice.support.Operator.asOperator;
import static io.valora.invoice.support.Operator.createKey;
import static io.valora.invoice.support.Operator.createTenant;
import static io.valora.invoice.support.Operator.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.valora.auth.KeyHash;
import io.valora.invoice.db.Databases;
import io.valora.invoice.support.ApiKeyTopic;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.schemas.ApiKey;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Tenants and API keys: the operator endpoint, keys shown once and stored hashed, scopes, revocation. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class ApiKeysTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The tables' owner (the test server's superuser): sees and may do everything, as the test needs. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource db;

    @Test
    void operatorCreatesATenantWhoseFirstKeyWorksAndIsStoredOnlyAsAHash() throws SQLException {
        String key = createTenant("acme");

        assertThat(key).startsWith("vk_").hasSizeGreaterThanOrEqualTo(3 + 43);
        withKey(key).get("/v1/invoices").then().statusCode(200);
        withKey(key).get("/v1/api-keys").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].scopes", containsInAnyOrder("ingest", "read", "admin"))
                .body("items[0]", not(hasKey("key")));
        assertThat(storedHashes("acme")).containsExactly(KeyHash.of(key));
        assertThat(anyColumnContains(key)).isFalse();
    }

    @Test
    void generatedKeysAreDistinctAndCarryAtLeast128RandomBits() {
        GeneratedKey a = GeneratedKey.generate();
        GeneratedKey b = GeneratedKey.generate();
        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.id()).isNotEqualTo(b.id()).doesNotContain(a.secret().substring(3, 10));
        assertThat(GeneratedKey.SECRET_BITS).isGreaterThanOrEqualTo(128);
        assertThat(java.util.Base64.getUrlDecoder().decode(a.secret().substring(3))).hasSize(GeneratedKey.SECRET_BITS / 8);
        assertThat(a.toString()).doesNotContain(a.secret());
    }

    @Test
    void operatorEndpointAcceptsOnlyTheOperatorToken() {
        String body = "{\"id\":\"intruder\"}";
        asDemo().contentType(ContentType.JSON).body(body).post("/v1/operator/tenants").then().statusCode(401);
        withKey("wrong-token").contentType(ContentType.JSON).body(body).post("/v1/operator/tenants").then().statusCode(401)
                .body("detail", equalTo("The operator token is not valid."));
        asOperator().get("/v1/invoices").then().statusCode(401);
    }

    @Test
    void refusesADuplicateOrInvalidTenant() {
        createTenant("dupe-co");
        asOperator().contentType(ContentType.JSON).body("{\"id\":\"dupe-co\"}").post("/v1/operator/tenants")
                .then().statusCode(409).body("type", equalTo("https://valora.dev/problems/tenant-exists"));
        asOperator().contentType(ContentType.JSON).body("{\"id\":\"Not Valid!\"}").post("/v1/operator/tenants")
                .then().statusCode(400).body("type", equalTo("https://valora.dev/problems/invalid-tenant-request"));
    }

    @Test
    void scopesLimitWhatAKeyMayDo() {
        String admin = createTenant("scoped-co");
        String reader = createKey(admin, List.of("read"));
        String ingester = createKey(admin, List.of("ingest"));

        withKey(reader).get("/v1/invoices").then().statusCode(200);
        withKey(reader).get("/v1/api-keys").then().statusCode(403)
                .body("type", equalTo("https://valora.dev/problems/forbidden"));
        withKey(reader).contentType(ContentType.JSON).body("{\"periodStart\":\"2026-10-01T00:00:00Z\"}")
                .post("/v1/invoices/close").then().statusCode(403);
        withKey(ingester).get("/v1/invoices").then().statusCode(403);
        withKey(admin).contentType(ContentType.JSON).body("{\"scopes\":[\"root\"]}").post("/v1/api-keys")
                .then().statusCode(400).body("type", equalTo("https://valora.dev/problems/invalid-api-key-request"));
        withKey(admin).contentType(ContentType.JSON).body("{\"name\":\"" + "k".repeat(101) + "\",\"scopes\":[\"read\"]}")
                .post("/v1/api-keys").then().statusCode(422)
                .body("type", equalTo("https://valora.dev/problems/invalid-api-key-request"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aRevokedKeyStopsWorkingAndTheRevocationIsPublished() {
        String admin = createTenant("revoking-co");
        String doomed = createKey(admin, List.of("read", "ingest"));
        String id = withKey(admin).get("/v1/api-keys").then().statusCode(200).extract()
                .path("items.find { it.scopes.size() == 2 }.id");
        ApiKey published = ApiKeyTopic.awaitLatest(bootstrapServers, KeyHash.of(doomed), r -> !r.getRevoked());
        assertThat(published.getTenant()).isEqualTo("revoking-co");
        assertThat(published.getKeyId()).isEqualTo(id);
        assertThat(published.getScopes()).containsExactlyInAnyOrder("read", "ingest");

        withKey(admin).post("/v1/api-keys/" + id + "/revoke").then().statusCode(200).body("revoked", equalTo(true));

        withKey(doomed).get("/v1/invoices").then().statusCode(401);
        ApiKey revoked = ApiKeyTopic.awaitLatest(bootstrapServers, KeyHash.of(doomed), ApiKey::getRevoked);
        assertThat(revoked.getRevokedAt()).isNotNull();
        withKey(admin).post("/v1/api-keys/" + id + "/revoke").then().statusCode(200);
    }

    @Test
    void anotherTenantsKeyIdAnswersNotFound() {
        String theirs = createTenant("other-keys-co");
        String theirId = withKey(theirs).get("/v1/api-keys").then().extract().path("items[0].id");
        String mine = createTenant("my-keys-co");

        withKey(mine).post("/v1/api-keys/" + theirId + "/revoke").then().statusCode(404);
        withKey(theirs).get("/v1/invoices").then().statusCode(200);
    }

    @Test
    void theDevelopmentKeyCanManageKeysOfItsTenant() {
        String key = asDemo().contentType(ContentType.JSON).body("{\"name\":\"ci\",\"scopes\":[\"read\"]}")
                .post("/v1/api-keys").then().statusCode(201).extract().path("key");
        withKey(key).get("/v1/invoices").then().statusCode(200);
    }

    @Test
    void listsKeysByCursor() {
        String admin = createTenant("paging-keys-co");
        createKey(admin, List.of("read"));
        createKey(admin, List.of("ingest"));
        String cursor = withKey(admin).get("/v1/api-keys?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("nextCursor");
        withKey(admin).get("/v1/api-keys?limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", equalTo(null));
    }

    private List<String> storedHashes(String tenant) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key_hash FROM api_keys WHERE tenant = '" + tenant + "'")) {
            List<String> hashes = new java.util.ArrayList<>();
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
            return hashes;
        }
    }

    private boolean anyColumnContains(String secret) throws SQLException {
        String sql = "SELECT count(*) FROM api_keys k WHERE k::text LIKE '%' || ? || '%'";
        try (Connection c = db.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, secret.substring(3));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
