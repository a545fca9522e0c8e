package io.valora.schemas;

/**
 * Kafka record keys. Keys decide partitioning, so every writer of a topic must build them the
 * same way; consumers read identities from the record value, never by parsing the key. The key of
 * {@link Topics#ratedCharges()} is {@link ChargeKey}.
 */
public final class RecordKeys {

    private RecordKeys() {
    }

    /** Key of {@link Topics#usageEvents()}: all events of one customer land in one partition, in order. */
    public static String usage(String tenant, String customer) {
        return tenant + "/" + customer;
    }
}
