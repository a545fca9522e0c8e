package io.valora.rating.query;

import io.valora.rating.catalog.Catalog;
import io.valora.rating.model.PeriodState;
import io.valora.schemas.ChargeKey;
import io.valora.schemas.RatedCharge;
import io.valora.schemas.Subscription;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Answers live usage and running-charge questions from the topology's state stores. Plain Java
 * over read-only store views, so it is tested against {@code TopologyTestDriver}'s stores and the
 * HTTP resource only finds the stores and maps errors.
 *
 * <p>The tenant always comes from the caller's credential; it is the first key segment, so a query
 * can never see another tenant's keys.
 */
public final class LiveQueries {

    private final ReadOnlyKeyValueStore<String, PeriodState> charges;
    private final ReadOnlyWindowStore<String, String> hourly;
    private final Catalog catalog;

    /**
     * @param charges the period state store (running charges)
     * @param hourly the hourly usage buckets
     * @param catalog the customer's subscriptions and time zone
     */
    public LiveQueries(ReadOnlyKeyValueStore<String, PeriodState> charges,
            ReadOnlyWindowStore<String, String> hourly, Catalog catalog) {
        this.charges = charges;
        this.hourly = hourly;
        this.catalog = catalog;
    }

    /**
     * The customer's open (not yet final) charges: its current periods' running amounts and any
     * adjustment charges they carry, over all the customer's subscriptions in the catalog. Charge
     * keys start with {@link ChargeKey#subscriptionPrefix}, so each subscription is one prefix scan.
     */
    public List<ChargeView> openCharges(String tenant, String customer) {
        List<ChargeView> open = new ArrayList<>();
        for (Subscription subscription : catalog.subscriptionsOfCustomer(tenant, customer)) {
            try (KeyValueIterator<String, PeriodState> it =
                    charges.prefixScan(ChargeKey.subscriptionPrefix(tenant, subscription.getId()), new StringSerializer())) {
                while (it.hasNext()) {
                    RatedCharge charge = it.next().value.charge();
                    if (charge != null && !charge.getFinal$() && charge.getCustomer().equals(customer)) {
                        open.add(ChargeView.of(charge));
                    }
                }
            }
        }
        return open;
    }

    /**
     * The usage-partition keys the customer's hourly buckets may live under: {@code tenant/customer}
     * (events whose subject is the customer) and {@code tenant/externalId} of each of its
     * subscriptions with an external id (events sent with that as subject). Sorted, so every
     * instance asks the same owners in the same order.
     */
    public List<String> usagePartitionKeys(String tenant, String customer) {
        SortedSet<String> keys = new TreeSet<>();
        keys.add(tenant + "/" + customer);
        for (Subscription subscription : catalog.subscriptionsOfCustomer(tenant, customer)) {
            if (subscription.getExternalId() != null) {
                keys.add(tenant + "/" + subscription.getExternalId());
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Usage of one meter in the hours from the one holding {@code from} up to {@code to}
     * (exclusive), summed into buckets of the granularity (days in the customer's zone); empty
     * buckets are omitted.
     */
    public List<UsageBucket> usage(String tenant, String customer, String meter, Instant from, Instant to,
            Granularity granularity) {
        return usage(tenant, customer, meter, from, to, granularity, List.of(hourly));
    }

    /**
     * As {@link #usage(String, String, String, Instant, Instant, Granularity)}, summed over the
     * given hourly stores. Why several: Kafka Streams' view over all local tasks returns a key's
     * buckets from the first task that has any, but a customer's buckets may sit on two usage
     * partitions (its own and its subscription's external id), so each partition's store is read.
     */
    public List<UsageBucket> usage(String tenant, String customer, String meter, Instant from, Instant to,
            Granularity granularity, List<ReadOnlyWindowStore<String, String>> hourlyStores) {
        Map<Long, BigDecimal> buckets = new TreeMap<>();
        ZoneId zone = catalog.timeZoneOf(tenant, customer).orElse(ZoneOffset.UTC);
        String key = tenant + "/" + customer + "/" + meter;
        // fetch bounds are inclusive window starts; the last hour starting before 'to' is to - 1 ms's hour
        for (ReadOnlyWindowStore<String, String> store : hourlyStores) {
            try (WindowStoreIterator<String> it = store.fetch(key, Instant.ofEpochMilli(Granularity.HOUR.bucketOf(from.toEpochMilli())), to.minusMillis(1))) {
                while (it.hasNext()) {
                    KeyValue<Long, String> hour = it.next();
                    buckets.merge(granularity.bucketOf(hour.key, zone), new BigDecimal(hour.value), BigDecimal::add);
                }
            }
        }
        List<UsageBucket> result = new ArrayList<>();
        buckets.forEach((start, quantity) -> result.add(new UsageBucket(Instant.ofEpochMilli(start), quantity.toPlainString())));
        return result;
    }
}
