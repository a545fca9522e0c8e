package io.valora.deploy.acls;

import java.util.Objects;

/**
 * The Kafka principal each service authenticates as, and the names its clients use on the cluster.
 *
 * @param gateway             ingest-gateway, e.g. {@code User:valora-gateway}
 * @param rating              rating-streams
 * @param invoice             invoice-service
 * @param ratingApplicationId rating-streams' Kafka Streams application id: its group, its transactional id prefix
 *                            and the prefix of its internal topics ({@code quarkus.kafka-streams.application-id})
 * @param invoiceGroup        invoice-service's consumer group ({@code valora.consumer.group-id})
 */
public record ServicePrincipals(String gateway, String rating, String invoice, String ratingApplicationId,
        String invoiceGroup) {

    public static final String DEFAULT_GATEWAY = "User:valora-gateway";
    public static final String DEFAULT_RATING = "User:valora-rating";
    public static final String DEFAULT_INVOICE = "User:valora-invoice";
    public static final String DEFAULT_RATING_APPLICATION_ID = "valora-rating";
    public static final String DEFAULT_INVOICE_GROUP = "valora-invoice-service";

    public ServicePrincipals {
        gateway = principal(gateway, "gateway");
        rating = principal(rating, "rating");
        invoice = principal(invoice, "invoice");
        Objects.requireNonNull(ratingApplicationId, "ratingApplicationId");
        Objects.requireNonNull(invoiceGroup, "invoiceGroup");
        if (gateway.equals(rating) || gateway.equals(invoice) || rating.equals(invoice)) {
            throw new IllegalArgumentException("each service needs its own principal, got " + gateway + ", " + rating
                    + ", " + invoice);
        }
    }

    public static ServicePrincipals defaults() {
        return new ServicePrincipals(DEFAULT_GATEWAY, DEFAULT_RATING, DEFAULT_INVOICE, DEFAULT_RATING_APPLICATION_ID,
                DEFAULT_INVOICE_GROUP);
    }

    /** The SCRAM user name of a {@code User:<name>} principal. */
    public static String userName(String principal) {
        return principal.substring(principal.indexOf(':') + 1);
    }

    private static String principal(String value, String what) {
        Objects.requireNonNull(value, what);
        String p = value.strip();
        if (!p.contains(":")) {
            p = "User:" + p;
        }
        if (p.endsWith(":")) {
            throw new IllegalArgumentException("empty principal for " + what);
        }
        return p;
    }
}
