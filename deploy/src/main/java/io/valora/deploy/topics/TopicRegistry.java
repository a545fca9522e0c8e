package io.valora.deploy.topics;

import io.valora.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every topic a Valora installation needs, with its spec; the one place that says how Valora's topics are made.
 * The names come from {@link Topics} (so a new topic there is a compile-time question here: see {@link #spec}).
 *
 * <table>
 *   <caption>Topic kinds</caption>
 *   <tr><th>topics</th><th>cleanup</th><th>why</th></tr>
 *   <tr><td>customers, meters, plans, subscriptions, api-keys</td><td>compact</td>
 *       <td>the latest record per key is the state; readers rebuild from the beginning</td></tr>
 *   <tr><td>rated-charges</td><td>compact</td><td>one record per charge key, upserted; the latest is the charge</td></tr>
 *   <tr><td>usage-events, usage-events.rejected</td><td>delete after {@link #DEDUP_WINDOW}</td>
 *       <td>rating remembers event ids that long; a replay from the topic must not reach past what it remembers</td></tr>
 *   <tr><td>dead-letters, invoice-events</td><td>delete after {@link #DEDUP_WINDOW}</td>
 *       <td>a month of room to look at a dead letter or to catch up a payment integration</td></tr>
 * </table>
 *
 * <p>Outside the local stack: replication factor 3 and {@code min.insync.replicas=2}, so with {@code acks=all}
 * (every Valora producer) an acknowledged record is on at least two brokers and one broker can be lost without
 * stopping writes. The local stack: one broker, so 1 and 1.
 *
 * <p>Rating's internal topics (repartition and changelog topics, named {@code <application id>-...}) are made by
 * Kafka Streams, not here; their replication comes from rating-streams' {@code kafka-streams.replication.factor}
 * and their {@code min.insync.replicas} from {@code kafka-streams.topic.min.insync.replicas}
 * ({@link #ratingStreamsProperties()}).
 *
 * @param topics            the names, with their prefix
 * @param partitions        partitions of every topic
 * @param replicationFactor replicas of every partition
 * @param minInsyncReplicas replicas that must have a record before {@code acks=all} acknowledges it
 */
public record TopicRegistry(Topics topics, int partitions, short replicationFactor, int minInsyncReplicas) {

    /** How long rating-streams remembers event ids ({@code valora.rating.dedup-retention}). */
    public static final Duration DEDUP_WINDOW = Duration.ofDays(35);
    /** Partitions outside the local stack unless told otherwise (docs/operations.md, partition count). */
    public static final int PRODUCTION_PARTITIONS = 6;
    public static final short PRODUCTION_REPLICATION_FACTOR = 3;
    public static final int PRODUCTION_MIN_INSYNC_REPLICAS = 2;
    /** rating-streams' Kafka Streams application id ({@code quarkus.kafka-streams.application-id}). */
    public static final String RATING_APPLICATION_ID = "valora-rating";

    public TopicRegistry {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("the replication factor must be at least 1, was " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor ("
                    + replicationFactor + "), was " + minInsyncReplicas
                    + ": more would refuse every write with acks=all");
        }
    }

    /** A production cluster: replication 3, {@code min.insync.replicas=2}. */
    public static TopicRegistry production(Topics topics, int partitions) {
        return new TopicRegistry(topics, partitions, PRODUCTION_REPLICATION_FACTOR, PRODUCTION_MIN_INSYNC_REPLICAS);
    }

    /** The single-broker local stack: replication 1, {@code min.insync.replicas=1}. */
    public static TopicRegistry local(Topics topics, int partitions) {
        return new TopicRegistry(topics, partitions, (short) 1, 1);
    }

    /**
     * {@code replicationFactor} replicas and the matching {@code min.insync.replicas}: 2 from three replicas up (one
     * broker may be lost), else 1 (a single copy is all there is; say so in the output).
     */
    public static TopicRegistry withReplication(Topics topics, int partitions, short replicationFactor) {
        return new TopicRegistry(topics, partitions, replicationFactor,
                Math.min(PRODUCTION_MIN_INSYNC_REPLICAS, replicationFactor));
    }

    /** Every topic of {@link Topics#all()}, in that order, with its spec. */
    public List<TopicSpec> specs() {
        return topics.all().stream().map(this::spec).toList();
    }

    /** One topic's spec by its full name. */
    public Optional<TopicSpec> find(String name) {
        return topics.all().contains(name) ? Optional.of(spec(name)) : Optional.empty();
    }

    private TopicSpec spec(String name) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicSpec.MIN_INSYNC_REPLICAS, Integer.toString(minInsyncReplicas));
        if (compacted(name)) {
            configs.put(TopicSpec.CLEANUP_POLICY, "compact");
        } else if (retainedForDedupWindow(name)) {
            configs.put(TopicSpec.CLEANUP_POLICY, "delete");
            configs.put(TopicSpec.RETENTION_MS, Long.toString(DEDUP_WINDOW.toMillis()));
        } else {
            throw new IllegalStateException("topic " + name + " of io.valora.schemas.Topics has no spec in "
                    + TopicRegistry.class.getName() + ": say whether it is compacted or how long it is kept");
        }
        return new TopicSpec(name, partitions, replicationFactor, configs);
    }

    private boolean compacted(String name) {
        return topics.compacted().contains(name) || name.equals(topics.ratedCharges());
    }

    private boolean retainedForDedupWindow(String name) {
        return List.of(topics.usageEvents(), topics.usageEventsRejected(), topics.deadLetters(), topics.invoiceEvents())
                .contains(name);
    }

    /** Prefix of rating-streams' internal topics: {@code valora-rating-}. */
    public static String ratingInternalTopicPrefix(String applicationId) {
        return applicationId + "-";
    }

    /**
     * The rating-streams settings that make its internal topics match this registry, as configuration keys
     * ({@code -Dkey=value} or application.properties).
     */
    public Map<String, String> ratingStreamsProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kafka-streams.replication.factor", Short.toString(replicationFactor));
        p.put("kafka-streams.topic.min.insync.replicas", Integer.toString(minInsyncReplicas));
        return p;
    }
}
