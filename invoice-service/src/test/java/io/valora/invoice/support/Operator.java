package io.valora.invoice.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** REST calls as the operator (token {@code test-operator-token}) and as a tenant's key. */
public final class Operator {

    public static final String TOKEN = "test-operator-token";

    private Operator() {
    }

    /** A request carrying the operator token. */
    public static RequestSpecification asOperator() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    /** A request carrying {@code key}. */
    public static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** Creates a tenant (expects 201) and returns its first key's text. */
    public static String createTenant(String id) {
        return asOperator().contentType(ContentType.JSON).body("{\"id\":\"" + id + "\",\"name\":\"Tenant " + id + "\"}")
                .post("/v1/operator/tenants").then().statusCode(201).extract().path("apiKey.key");
    }

    /** Creates a key with these scopes using an admin {@code key} (expects 201); returns the new key's text. */
    public static String createKey(String adminKey, List<String> scopes) {
        String body = "{\"name\":\"test\",\"scopes\":[" + String.join(",", scopes.stream().map(s -> "\"" + s + "\"").toList()) + "]}";
        return withKey(adminKey).contentType(ContentType.JSON).body(body).post("/v1/api-keys")
                .then().statusCode(201).extract().path("key");
    }
}
