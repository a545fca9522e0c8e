package io.valora.rating.place;

import io.valora.rating.model.MeteredUsage;
import io.valora.schemas.RecordKeys;

/**
 * Where a charge is rated: on the usage partition of its customer, the partition the gateway writes
 * {@code tenant/customer} to. A charge key names one subscription and so one customer, so all of
 * its usage meets in one task and no charge is ever updated from two.
 *
 * <p>The gateway keys usage by {@code tenant/subject}. When the subject is the customer (the usual
 * case), the event is already there and is rated where it was resolved, with no hop through Kafka;
 * only usage sent under a subscription's external id is moved. Which partition a key lands on is
 * the default partitioner's hash of the key's bytes on both paths, so the comparison of keys below
 * is all it takes.
 */
public final class UsagePlacement {

    private UsagePlacement() {
    }

    /** Whether usage that arrived under {@code key} is on its customer's partition already. */
    public static boolean isOnCustomerPartition(String key, MeteredUsage usage) {
        return customerKey(usage).equals(key);
    }

    /** The usage key of the customer the usage is billed to. */
    public static String customerKey(MeteredUsage usage) {
        return RecordKeys.usage(usage.tenant(), usage.customer());
    }
}
