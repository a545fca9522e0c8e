package io.valora.rating.config;

import io.valora.rating.model.PeriodState;
import io.valora.rating.model.RejectReason;

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
    /** Resolves against the catalog and remembers accepted ids. */
    public static final String RESOLVE = "resolve-usage";
    public static final String SPLIT = "split-";
    public static final String ACCEPTED = "accepted";
    public static final String REFUSED = "refused";
    /** One record per matching, priced meter. */
    public static final String PER_METER = "usage-per-meter";
    public static final String EXPLAIN_REJECTION = "explain-rejection";
    public static final String REJECTED_SINK = "usage-rejected-sink";
    /** Splits metered usage into what is on its customer's usage partition and what must move there. */
    public static final String PLACE = "place-";
    public static final String IN_PLACE = "in-place";
    public static final String TO_MOVE = "to-move";
    public static final String KEY_BY_CUSTOMER = "key-by-customer";
    /**
     * Repartition topic {@code <application.id>-usage-by-customer-repartition}, key {@code tenant/customer}: usage sent under a
     * subscription's external id, moved to its customer's partition. It is read by the same sub-topology that writes it.
     */
    public static final String BY_CUSTOMER = "usage-by-customer";
    public static final String MERGE_PLACED = "merge-placed-usage";
    public static final String RATE = "rate-period";
    /**
     * Per charge key the period's aggregate (billing-core, late usage included) and its running charge, one
     * {@link PeriodState} value; changelog {@code <application.id>-period-state-store-changelog}.
     */
    public static final String PERIOD_STATE_STORE = "period-state-store";
    /**
     * Keys of charges changed since the last emission when updates are coalesced; in memory (a few intervals' worth of
     * keys), restored from its changelog {@code <application.id>-pending-charges-store-changelog}.
     */
    public static final String PENDING_STORE = "pending-charges-store";
    public static final String RECORD_HOURLY = "record-hourly-usage";
    /** Hourly usage per tenant/customer/meter (window store); changelog {@code <application.id>-hourly-usage-store-changelog}. */
    public static final String HOURLY_USAGE_STORE = "hourly-usage-store";
    public static final String CHARGES_SINK = "rated-charges-sink";
    /** Split of the rating step's output into charges, rejected events ({@code amount-overflow}) and failures. */
    public static final String RATED = "rated-";
    public static final String CHARGES = "charges";
    public static final String FAILED = "failed";
    public static final String CHARGE_OF = "charge-of-rated";
    public static final String RATE_REJECTION = "rejection-of-rated";
    /** Rejections of the checks and of the rating step, merged before the rejected topic. */
    public static final String MERGE_REFUSED = "merge-refused";

    /** Dead letters (topic {@code dead-letters}): of the checks (decoding, de-duplication, resolution)... */
    public static final String CHECK_DEAD_LETTER = "dead-letter-of-checked";
    public static final String CHECK_DEAD_LETTERS_SINK = "checked-dead-letters-sink";
    /** ...of the hourly usage... */
    public static final String HOURLY_DEAD_LETTERS_SINK = "hourly-dead-letters-sink";
    /** ...and of the rating step. */
    public static final String RATE_DEAD_LETTER = "dead-letter-of-rated";
    public static final String RATE_DEAD_LETTERS_SINK = "rated-dead-letters-sink";

    /** Header on rejected events carrying the reason, for people: {@code <code>: <detail>}. */
    public static final String REJECT_REASON_HEADER = "valora-reject-reason";
    /** Header on rejected events carrying the stable {@link RejectReason#code()}. */
    public static final String REJECT_CODE_HEADER = "valora-reject-code";
}
