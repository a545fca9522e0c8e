package io.valora.deploy.topics;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one topic must look like: its partitions, replication factor and the topic configurations Valora relies
 * on ({@code cleanup.policy}, {@code retention.ms}, {@code min.insync.replicas}).
 *
 * @param name              full name, prefix included
 * @param partitions        at least 1
 * @param replicationFactor at least 1
 * @param configs           topic-level configurations, sorted by key
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String RETENTION_MS = "retention.ms";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException(name + ": partitions and replication factor must be at least 1, were "
                    + partitions + " and " + replicationFactor);
        }
        configs = Map.copyOf(new TreeMap<>(configs));
    }

    /** Whether the latest record per key is kept ({@code cleanup.policy=compact}) rather than a time window. */
    public boolean compacted() {
        return "compact".equals(configs.get(CLEANUP_POLICY));
    }

    /** {@code configs} sorted by key, for printing. */
    public Map<String, String> sortedConfigs() {
        return new TreeMap<>(configs);
    }
}
