package io.valora.rating.topology;

/**
 * Names of every processor, state store and internal topic of the rating topology. Explicit and
 * shared, so that a topology change never orphans state and queries and tests find the stores.
 */
public final class ResourceNames {

    private ResourceNames() {
    }

    public static final String SOURCE = "usage-events-source";
    public static final String DEDUPLICATE = "deduplicate";
    public static final String DEDUP_STORE = "usage-dedup-store";
    public static final String READ_QUANTITY = "read-quantity";
    public static final String MEASURE = "measure-";
    public static final String MEASURABLE = "measurable";
    public static final String UNMEASURABLE = "unmeasurable";
    public static final String UNWRAP_MEASURABLE = "unwrap-measurable";
    public static final String EXPLAIN_REJECTION = "explain-rejection";
    public static final String REJECTED_SINK = "usage-rejected-sink";
    public static final String KEY_BY_PERIOD = "key-by-period";
    /** Repartition topic: {@code <application.id>-usage-by-period-repartition}. */
    public static final String BY_PERIOD = "usage-by-period";
    public static final String RATE = "rate-period";
    /** Period-to-date charge per key; changelog {@code <application.id>-period-charges-store-changelog}. */
    public static final String CHARGES_STORE = "period-charges-store";
    /** Per closed period: late quantity already turned into adjustments; changelog {@code <application.id>-late-usage-store-changelog}. */
    public static final String LATE_USAGE_STORE = "late-usage-store";
    public static final String RECORD_HOURLY = "record-hourly-usage";
    /** Hourly usage per tenant/customer/meter (window store); changelog {@code <application.id>-hourly-usage-store-changelog}. */
    public static final String HOURLY_USAGE_STORE = "hourly-usage-store";
    public static final String CHARGES_SINK = "rated-charges-sink";

    /** Header on rejected events carrying the reason. */
    public static final String REJECT_REASON_HEADER = "valora-reject-reason";
}
