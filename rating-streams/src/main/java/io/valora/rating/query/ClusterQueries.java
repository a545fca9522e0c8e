package io.valora.rating.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.valora.rating.config.ResourceNames;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers live queries on any instance of the application, whichever instance holds the state.
 * Decides, from the Kafka Streams metadata, whether this instance answers, forwards to the owner
 * or gathers from every instance:
 *
 * <ul>
 *   <li>usage: the hourly buckets live on the usage partition of the event's subject, i.e. of
 *   {@code tenant/customer} and, for events sent with a subscription's external id as subject, of
 *   {@code tenant/externalId}. One owner (the usual case): answered here or the request is
 *   forwarded and the owner's answer relayed; several: each answers for its own partitions and
 *   the buckets are summed.</li>
 *   <li>charges: each instance that has the store is asked for its local part and the parts are
 *   merged in a fixed order. A customer's charges are all in the task of its {@code tenant/customer}
 *   key, so every other part is empty; asking them all stays correct whatever the placement.</li>
 * </ul>
 *
 * A forwarded request carries {@code scope=local} and is answered from local stores only, so a
 * request is forwarded at most once even while instances disagree about the metadata.
 */
public final class ClusterQueries {

    /** Query parameter marking a request forwarded by another instance: answer locally, never forward. */
    public static final String SCOPE_PARAM = "scope";
    /** The value of {@link #SCOPE_PARAM} on forwarded requests. */
    public static final String SCOPE_LOCAL = "local";

    /** The order merged charges are listed in, the same whichever instance merges them. */
    static final Comparator<ChargeView> CHARGE_ORDER = Comparator
            .comparing(ChargeView::subscription)
            .thenComparing(ChargeView::meter)
            .thenComparing(ChargeView::group, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ChargeView::plan, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ChargeView::planVersion, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ChargeView::periodStart)
            .thenComparing(ChargeView::adjustmentOf, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final TypeReference<List<ChargeView>> CHARGES = new TypeReference<>() { };
    private static final TypeReference<List<UsageBucket>> BUCKETS = new TypeReference<>() { };

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Supplier<LiveQueries> local;
    private final IntFunction<ReadOnlyWindowStore<String, String>> hourlyOfPartition;
    private final PeerClient peers;
    private final ObjectMapper json;

    /**
     * @param streams the running application, for its state and metadata
     * @param self this instance's {@code application.server}, as the metadata names it
     * @param local this instance's stores (may throw {@link InvalidStateStoreException} while they move)
     * @param hourlyOfPartition this instance's hourly-usage store of one partition
     * @param peers the client that asks other instances
     * @param json reads the peers' answers
     */
    public ClusterQueries(KafkaStreams streams, HostInfo self, Supplier<LiveQueries> local,
            IntFunction<ReadOnlyWindowStore<String, String>> hourlyOfPartition, PeerClient peers, ObjectMapper json) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.hourlyOfPartition = hourlyOfPartition;
        this.peers = peers;
        this.json = json;
    }

    /** The customer's open charges from every instance; {@code forwarded} answers from this instance only. */
    public ClusterAnswer charges(String authorization, String tenant, String customer, boolean forwarded) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new ClusterAnswer.Unavailable("not running");
        }
        try {
            if (forwarded) {
                return new ClusterAnswer.Data(local.get().openCharges(tenant, customer));
            }
            Set<HostInfo> hosts = new LinkedHashSet<>();
            for (StreamsMetadata metadata : streams.streamsMetadataForStore(ResourceNames.PERIOD_STATE_STORE)) {
                hosts.add(metadata.hostInfo());
            }
            if (hosts.isEmpty()) {
                return new ClusterAnswer.Unavailable("no instance holds " + ResourceNames.PERIOD_STATE_STORE);
            }
            String path = "/v1/charges?customer=" + encode(customer) + localScope();
            List<ChargeView> merged = new ArrayList<>();
            for (HostInfo host : hosts) {
                if (host.equals(self)) {
                    merged.addAll(local.get().openCharges(tenant, customer));
                } else {
                    PeerAnswer answer = peers.get(host, path, authorization);
                    if (!answer.ok()) {
                        return new ClusterAnswer.Relayed(answer);
                    }
                    merged.addAll(rows(answer, CHARGES));
                }
            }
            merged.sort(CHARGE_ORDER);
            return new ClusterAnswer.Data(merged);
        } catch (InvalidStateStoreException | PeerUnreachableException e) {
            return new ClusterAnswer.Unavailable(e.getMessage());
        }
    }

    /**
     * One meter's usage buckets: answered here, forwarded to the one owner, or summed over the
     * owners of the customer's usage partitions; {@code forwarded} answers from this instance only.
     */
    public ClusterAnswer usage(String authorization, String tenant, String customer, String meter, Instant from, Instant to,
            Granularity granularity, boolean forwarded) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new ClusterAnswer.Unavailable("not running");
        }
        try {
            LiveQueries here = local.get();
            Map<HostInfo, Set<Integer>> owners = new LinkedHashMap<>();
            for (String key : here.usagePartitionKeys(tenant, customer)) {
                KeyQueryMetadata metadata = streams.queryMetadataForKey(ResourceNames.HOURLY_USAGE_STORE, key, new StringSerializer());
                if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                        || metadata.activeHost().equals(HostInfo.unavailable())) {
                    return new ClusterAnswer.Unavailable("no active host for " + key);
                }
                owners.computeIfAbsent(metadata.activeHost(), h -> new TreeSet<>()).add(metadata.partition());
            }
            if (forwarded && !owners.containsKey(self)) {
                // the forwarding instance saw other metadata: a rebalance is under way
                return new ClusterAnswer.Unavailable("this instance holds none of the customer's usage partitions");
            }
            if (forwarded || owners.keySet().equals(Set.of(self))) {
                return new ClusterAnswer.Data(localUsage(here, owners.get(self), tenant, customer, meter, from, to, granularity));
            }
            String path = "/v1/usage?customer=" + encode(customer) + "&meter=" + encode(meter) + "&from=" + encode(from.toString())
                    + "&to=" + encode(to.toString()) + "&granularity=" + granularity.name() + localScope();
            if (owners.size() == 1) {
                return new ClusterAnswer.Relayed(peers.get(owners.keySet().iterator().next(), path, authorization));
            }
            Map<Instant, BigDecimal> sums = new TreeMap<>();
            for (HostInfo host : owners.keySet()) {
                List<UsageBucket> part;
                if (host.equals(self)) {
                    part = localUsage(here, owners.get(self), tenant, customer, meter, from, to, granularity);
                } else {
                    PeerAnswer answer = peers.get(host, path, authorization);
                    if (!answer.ok()) {
                        return new ClusterAnswer.Relayed(answer);
                    }
                    part = rows(answer, BUCKETS);
                }
                part.forEach(b -> sums.merge(b.start(), new BigDecimal(b.quantity()), BigDecimal::add));
            }
            List<UsageBucket> buckets = new ArrayList<>();
            sums.forEach((start, quantity) -> buckets.add(new UsageBucket(start, quantity.toPlainString())));
            return new ClusterAnswer.Data(buckets);
        } catch (InvalidStateStoreException | PeerUnreachableException e) {
            return new ClusterAnswer.Unavailable(e.getMessage());
        }
    }

    private List<UsageBucket> localUsage(LiveQueries here, Set<Integer> partitions, String tenant, String customer,
            String meter, Instant from, Instant to, Granularity granularity) {
        List<ReadOnlyWindowStore<String, String>> stores = new ArrayList<>();
        for (int partition : partitions) {
            stores.add(hourlyOfPartition.apply(partition));
        }
        return here.usage(tenant, customer, meter, from, to, granularity, stores);
    }

    private <T> List<T> rows(PeerAnswer answer, TypeReference<List<T>> type) {
        try {
            JsonNode data = json.readTree(answer.body()).get("data");
            return json.convertValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PeerUnreachableException("unreadable answer from a peer: " + e.getMessage(), e);
        }
    }

    private static String localScope() {
        return "&" + SCOPE_PARAM + "=" + SCOPE_LOCAL;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
