package io.valora.rating.resolve;

import io.valora.rating.catalog.Catalog;
import io.valora.rating.catalog.CatalogChanges;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog lookups of one rating task, kept in memory: without it every event costs two RocksDB
 * prefix scans and a point read of the global stores, each decoding Avro values, although the
 * catalog changes rarely and a task sees the same tenants, types and customers over and over.
 *
 * <p>Everything is dropped when {@link CatalogChanges} moved since the lookups were cached, so an
 * event sees the catalog as current as an uncached read would (the global stores are updated
 * asynchronously to processing either way). Each map is cleared when it grows past a bound rather
 * than evicting one by one: a miss costs only the uncached read.
 */
final class CachedCatalog {

    /** Entries per map; beyond it the map starts over (tens of thousands of customers per task are normal). */
    static final int MAX_ENTRIES = 100_000;

    private final Catalog catalog;
    private final CatalogChanges changes;
    private final Map<TenantKey, List<Meter>> meters = new HashMap<>();
    private final Map<TenantKey, List<Subscription>> subscriptions = new HashMap<>();
    private final Map<PlanKey, Optional<Plan>> plans = new HashMap<>();
    private long cachedAt = Long.MIN_VALUE;

    /** A name within a tenant (an event type, a subject); records, so no key string is built per event. */
    private record TenantKey(String tenant, String name) {
    }

    private record PlanKey(String tenant, String plan, int version) {
    }

    CachedCatalog(Catalog catalog, CatalogChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    /** {@link Catalog#metersFor}, unmodifiable. */
    List<Meter> metersFor(String tenant, String eventType) {
        return lookup(meters, new TenantKey(tenant, eventType), () -> List.copyOf(catalog.metersFor(tenant, eventType)));
    }

    /** {@link Catalog#subscriptionsFor}, unmodifiable and in the same order. */
    List<Subscription> subscriptionsFor(String tenant, String subject) {
        return lookup(subscriptions, new TenantKey(tenant, subject), () -> List.copyOf(catalog.subscriptionsFor(tenant, subject)));
    }

    /** {@link Catalog#plan}. */
    Optional<Plan> plan(String tenant, String planKey, int version) {
        return lookup(plans, new PlanKey(tenant, planKey, version), () -> catalog.plan(tenant, planKey, version));
    }

    private <K, V> V lookup(Map<K, V> cache, K key, Supplier<V> read) {
        long now = changes.current();
        if (now != cachedAt) {
            meters.clear();
            subscriptions.clear();
            plans.clear();
            cachedAt = now;
        }
        V found = cache.get(key);
        if (found == null) {
            found = read.get();
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, found);
        }
        return found;
    }
}
