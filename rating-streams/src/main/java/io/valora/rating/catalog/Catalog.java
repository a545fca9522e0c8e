package io.valora.rating.catalog;

import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.Subscription;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only view of the catalog as rating needs it: meters by event type, a plan version, and the
 * subscription a usage event belongs to at its time. Backed by the global stores, so every task
 * of the instance sees the whole catalog whatever partitions it owns.
 */
public final class Catalog {

    /** Ties between several subscriptions active at the same instant: earliest start, then id. */
    private static final Comparator<Subscription> PRECEDENCE = Comparator
            .comparing(Subscription::getStartAt).thenComparing(Subscription::getId);

    private final ReadOnlyKeyValueStore<String, Meter> meters;
    private final ReadOnlyKeyValueStore<String, Plan> plans;
    private final ReadOnlyKeyValueStore<String, Subscription> subscriptions;

    public Catalog(ReadOnlyKeyValueStore<String, Meter> meters, ReadOnlyKeyValueStore<String, Plan> plans,
            ReadOnlyKeyValueStore<String, Subscription> subscriptions) {
        this.meters = meters;
        this.plans = plans;
        this.subscriptions = subscriptions;
    }

    /** The catalog seen from a processor connected to the three global stores. */
    public static Catalog of(ProcessingContext context) {
        return new Catalog(context.getStateStore(CatalogStores.METERS_STORE),
                context.getStateStore(CatalogStores.PLANS_STORE),
                context.getStateStore(CatalogStores.SUBSCRIPTIONS_STORE));
    }

    /** Every meter of the tenant that counts events of this type (filters not applied yet). */
    public List<Meter> metersFor(String tenant, String eventType) {
        return scan(meters, CatalogStores.metersByTypePrefix(tenant, eventType));
    }

    /** One version of a plan. */
    public Optional<Plan> plan(String tenant, String planKey, int version) {
        return Optional.ofNullable(plans.get(CatalogStores.plan(tenant, planKey, version)));
    }

    /**
     * The subscriptions a usage event's {@code subject} may name: the customer's, or when the
     * subject is no customer with subscriptions, those with that external id. Ordered by
     * precedence (earliest start, then id), so the first active one is chosen the same way on
     * every instance and in every replay.
     */
    public List<Subscription> subscriptionsFor(String tenant, String subject) {
        List<Subscription> found = scan(subscriptions, CatalogStores.subscriptionsByCustomerPrefix(tenant, subject));
        if (found.isEmpty()) {
            found = scan(subscriptions, CatalogStores.subscriptionsByExternalIdPrefix(tenant, subject));
        }
        found.sort(PRECEDENCE);
        return found;
    }

    /**
     * The time zone of a customer's billing (its subscriptions carry the customer's zone), from its
     * first subscription by precedence; empty when the customer has none.
     */
    public Optional<ZoneId> timeZoneOf(String tenant, String customer) {
        for (Subscription subscription : subscriptionsOfCustomer(tenant, customer)) {
            try {
                return Optional.of(ZoneId.of(subscription.getTimeZone()));
            } catch (DateTimeException e) {
                // an unreadable zone is rejected at rating; look at the next subscription
            }
        }
        return Optional.empty();
    }

    /** The customer's subscriptions (by its external id only), by precedence. */
    public List<Subscription> subscriptionsOfCustomer(String tenant, String customer) {
        List<Subscription> found = scan(subscriptions, CatalogStores.subscriptionsByCustomerPrefix(tenant, customer));
        found.sort(PRECEDENCE);
        return found;
    }

    /** The first of {@code candidates} with {@code startAt <= time < endAt}. */
    public static Optional<Subscription> activeAt(List<Subscription> candidates, Instant time) {
        return candidates.stream()
                .filter(s -> !time.isBefore(s.getStartAt()) && (s.getEndAt() == null || time.isBefore(s.getEndAt())))
                .findFirst();
    }

    private static <V> List<V> scan(ReadOnlyKeyValueStore<String, V> store, String prefix) {
        List<V> found = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }
}
