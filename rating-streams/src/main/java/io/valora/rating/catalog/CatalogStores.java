package io.valora.rating.catalog;

import java.util.function.BiConsumer;

/**
 * Names and key layout of the three global catalog stores. Each store mirrors one compacted
 * catalog topic and keeps, next to the records themselves, the index entries rating looks them
 * up by; the layout lives here once so the updaters and the lookups cannot drift apart.
 *
 * <p>Index keys join their parts with {@code \u0000}, which cannot occur in tenant ids, keys or
 * event types, so a prefix scan of one tenant's event type never matches another one's.
 */
public final class CatalogStores {

    /** Meters: {@code m tenant meterKey} → meter, and {@code t tenant eventType meterKey} → meter. */
    public static final String METERS_STORE = "catalog-meters-store";
    /** Plans: {@code tenant/planKey/version} → plan (every version; versions never change). */
    public static final String PLANS_STORE = "catalog-plans-store";
    /** Subscriptions: by id, by customer and by external id (see the key builders). */
    public static final String SUBSCRIPTIONS_STORE = "catalog-subscriptions-store";

    /** Source names of the global stores (explicit, like every other name). */
    public static final String METERS_SOURCE = "catalog-meters-source";
    public static final String PLANS_SOURCE = "catalog-plans-source";
    public static final String SUBSCRIPTIONS_SOURCE = "catalog-subscriptions-source";

    private static final String SEP = "\u0000";

    private CatalogStores() {
    }

    static String meterByKey(String tenant, String meterKey) {
        return "m" + SEP + tenant + SEP + meterKey;
    }

    static String metersByTypePrefix(String tenant, String eventType) {
        return "t" + SEP + tenant + SEP + eventType + SEP;
    }

    static String meterByType(String tenant, String eventType, String meterKey) {
        return metersByTypePrefix(tenant, eventType) + meterKey;
    }

    /** The plans topic's own key, so a tombstone removes what the record put. */
    public static String plan(String tenant, String planKey, int version) {
        return tenant + "/" + planKey + "/" + version;
    }

    static String subscriptionById(String tenant, String id) {
        return "s" + SEP + tenant + SEP + id;
    }

    static String subscriptionsByCustomerPrefix(String tenant, String customer) {
        return "c" + SEP + tenant + SEP + customer + SEP;
    }

    static String subscriptionByCustomer(String tenant, String customer, String id) {
        return subscriptionsByCustomerPrefix(tenant, customer) + id;
    }

    static String subscriptionsByExternalIdPrefix(String tenant, String externalId) {
        return "x" + SEP + tenant + SEP + externalId + SEP;
    }

    static String subscriptionByExternalId(String tenant, String externalId, String id) {
        return subscriptionsByExternalIdPrefix(tenant, externalId) + id;
    }

    /**
     * Splits a catalog topic key {@code tenant/id} (what a tombstone carries) and hands both parts to
     * {@code remove}; a missing or malformed key removes nothing.
     */
    static void forTopicKey(String topicKey, BiConsumer<String, String> remove) {
        if (topicKey == null) {
            return;
        }
        int slash = topicKey.indexOf('/');
        if (slash > 0) {
            remove.accept(topicKey.substring(0, slash), topicKey.substring(slash + 1));
        }
    }
}
