package io.valora.invoice.support;

import static io.valora.invoice.support.Operator.withKey;

import io.restassured.http.ContentType;

/** Catalog set-up over REST for tests: customers, plans and subscriptions of a tenant. */
public final class Catalog {

    private Catalog() {
    }

    /** Creates a customer; expects 201. */
    public static void customer(String key, String externalId, String timeZone, String currency) {
        withKey(key).contentType(ContentType.JSON).body("{\"externalId\":\"" + externalId + "\",\"name\":\"" + externalId
                        + "\",\"timeZone\":\"" + timeZone + "\",\"currency\":\"" + currency + "\"}")
                .post("/v1/customers").then().statusCode(201);
    }

    /**
     * Creates a plan with one flat fee, per-unit pricing of {@code meter} and an optional minimum; expects 201.
     *
     * @param minimumSpend decimal string or null
     */
    public static void plan(String key, String planKey, String cadence, String fee, String meter, String unitPrice,
                            String minimumSpend) {
        withKey(key).contentType(ContentType.JSON).body(planBody(planKey, cadence, fee, meter, unitPrice, minimumSpend))
                .post("/v1/plans").then().statusCode(201);
    }

    /** The JSON body of such a plan. */
    public static String planBody(String planKey, String cadence, String fee, String meter, String unitPrice,
                                  String minimumSpend) {
        return "{\"key\":\"" + planKey + "\",\"name\":\"" + planKey + "\",\"currency\":\"USD\",\"rounding\":\"HALF_UP\","
                + "\"cadence\":\"" + cadence + "\",\"flatFees\":[{\"code\":\"platform\",\"description\":\"Platform fee\","
                + "\"amount\":\"" + fee + "\"}],\"usageCharges\":[{\"meter\":\"" + meter + "\",\"model\":{\"kind\":\"per_unit\","
                + "\"unitPrice\":\"" + unitPrice + "\"}}],\"minimumSpend\":" + (minimumSpend == null ? "null" : "\"" + minimumSpend + "\"")
                + "}";
    }

    /** Subscribes a customer; expects 201 and returns the subscription id. */
    public static String subscribe(String key, String customer, String plan, String startAt, int trialDays) {
        return withKey(key).contentType(ContentType.JSON).body("{\"customer\":\"" + customer + "\",\"plan\":\"" + plan
                        + "\",\"startAt\":\"" + startAt + "\",\"anchor\":\"calendar\",\"trialDays\":" + trialDays + "}")
                .post("/v1/subscriptions").then().statusCode(201).extract().path("id");
    }
}
