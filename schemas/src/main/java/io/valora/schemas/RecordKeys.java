package io.valora.schemas;

import java.time.Instant;

/**
 * Kafka record keys. Keys decide partitioning, so every writer of a topic must build them the
 * same way; consumers read identities from the record value, never by parsing the key.
 */
public final class RecordKeys {

    private RecordKeys() {
    }

    /** Key of {@link Topics#usageEvents()}: all events of one customer land in one partition, in order. */
    public static String usage(String tenant, String customer) {
        return tenant + "/" + customer;
    }

    /** Key of {@link Topics#ratedCharges()}: one key per charge, so compaction keeps the latest. */
    public static String ratedCharge(String tenant, String subscription, String meter, Instant periodStart) {
        return tenant + "/" + subscription + "/" + meter + "/" + periodStart;
    }
}
