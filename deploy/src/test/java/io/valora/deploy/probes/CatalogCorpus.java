package io.valora.deploy.probes;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalog writes beyond the documented limits (billing-core {@code BillingLimits}) or carrying a card number, for
 * invoice-service's REST API: each must be refused with a 422 problem whose {@code errors} name the field (a body
 * beyond the 512 KB cap: 413), and nothing of it may be created. Every probe carries the run's marker in its key,
 * so a list read afterwards shows whether any got through.
 */
final class CatalogCorpus {

    /**
     * One catalog write.
     *
     * @param label  what it abuses
     * @param path   invoice-service path
     * @param body   JSON body
     * @param status the expected answer
     * @param field  the field the 422's {@code errors} must name (null for a 413)
     */
    record Probe(String label, String path, String body, int status, String field) {
    }

    private final String marker;

    CatalogCorpus(String run) {
        this.marker = "cx" + run;
    }

    /** The text every probe's key or external id starts with. */
    String marker() {
        return marker;
    }

    List<Probe> probes() {
        List<Probe> list = new ArrayList<>();
        String name201 = "n".repeat(201);
        String nbspCard = "Ada 4111\u00a01111\u00a01111\u00a01111";
        list.add(new Probe("customer name 201 chars", "/v1/customers", customer(marker + "c1", name201), 422, "name"));
        list.add(new Probe("customer name with an NBSP card", "/v1/customers", customer(marker + "c2", nbspCard), 422,
                "name"));
        list.add(new Probe("customer externalId 201 chars", "/v1/customers", customer(marker + "x".repeat(201), "Ada"),
                422, "externalId"));
        list.add(new Probe("meter name 201 chars", "/v1/meters", """
                {"key":"%s","name":"%s","eventType":"api_call","aggregation":"sum","valueProperty":"value"}"""
                .formatted(marker + "m1", name201), 422, "name"));
        list.add(new Probe("api key name 101 chars", "/v1/api-keys", """
                {"name":"%s","scopes":["read"]}""".formatted(marker + "k".repeat(101)), 422, "name"));
        list.add(plan("plan name 201 chars", "p1", name201, "Platform fee", "10.00", unit("0.01"), "name"));
        list.add(plan("plan name with a dotted card", "p2", "Plan 4111.1111.1111.1111", "Platform fee", "10.00",
                unit("0.01"), "name"));
        list.add(plan("fee description 2001 chars", "p3", "Plan", "d".repeat(2001), "10.00", unit("0.01"),
                "flatFees[0].description"));
        list.add(plan("flat fee above 10^12", "p4", "Plan", "Platform fee", "1000000000001", unit("0.01"),
                "flatFees[0].amount"));
        list.add(plan("unit price above 10^9", "p5", "Plan", "Platform fee", "10.00", unit("1000000001"),
                "usageCharges[0].model.unitPrice"));
        list.add(plan("unit price with 13 decimals", "p6", "Plan", "Platform fee", "10.00", unit("0.0000000000001"),
                "usageCharges[0].model.unitPrice"));
        StringBuilder tiers = new StringBuilder();
        for (int t = 1; t <= 101; t++) {
            tiers.append(t == 1 ? "" : ",").append(t == 101 ? "{\"upTo\":null" : "{\"upTo\":\"" + t * 10 + "\"")
                    .append(",\"unitPrice\":\"0.01\"}");
        }
        list.add(plan("101 tiers", "p7", "Plan", "Platform fee", "10.00",
                "{\"kind\":\"graduated\",\"tiers\":[" + tiers + "]}", "usageCharges[0].model.tiers"));
        list.add(new Probe("plan body of 600 KB", "/v1/plans",
                planBody(marker + "p8", "b".repeat(600_000), "Platform fee", "10.00", unit("0.01")), 413, null));
        return list;
    }

    private Probe plan(String label, String key, String name, String feeDescription, String fee, String model,
            String field) {
        return new Probe(label, "/v1/plans", planBody(marker + key, name, feeDescription, fee, model), 422, field);
    }

    private static String customer(String externalId, String name) {
        return """
                {"externalId":"%s","name":"%s","timeZone":"UTC","currency":"USD"}""".formatted(externalId, name);
    }

    private static String unit(String price) {
        return "{\"kind\":\"per_unit\",\"unitPrice\":\"" + price + "\"}";
    }

    private static String planBody(String key, String name, String feeDescription, String fee, String model) {
        return """
                {"key":"%s","name":"%s","currency":"USD","rounding":"HALF_UP","cadence":"MONTHLY",
                 "flatFees":[{"code":"platform","description":"%s","amount":"%s"}],
                 "usageCharges":[{"meter":"api_call","model":%s}],"minimumSpend":null}"""
                .formatted(key, name, feeDescription, fee, model);
    }
}
