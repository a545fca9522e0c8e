package io.valora.invoice.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** REST calls as the development tenant ({@code demo}, key {@code valora-dev-key}). */
public final class Api {

    public static final String DEV_KEY = "valora-dev-key";

    private Api() {
    }

    /** A request carrying the development key. */
    public static RequestSpecification asDemo() {
        return given().header("Authorization", "Bearer " + DEV_KEY);
    }

    /** {@code POST /v1/invoices/close} for one customer; expects 200. */
    public static ValidatableResponse close(String periodStart, String customer) {
        return asDemo().contentType(ContentType.JSON)
                .body("{\"periodStart\":\"" + periodStart + "\",\"customer\":\"" + customer + "\"}")
                .post("/v1/invoices/close")
                .then();
    }
}
