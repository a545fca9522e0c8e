package io.valora.deploy.topics;

import java.util.Map;

/**
 * A topic as a cluster has it.
 *
 * @param name              full name
 * @param partitions        number of partitions
 * @param replicationFactor the fewest replicas any of its partitions has
 * @param configs           its effective configurations ({@code cleanup.policy}, {@code retention.ms}, ...)
 */
public record ExistingTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    public ExistingTopic {
        configs = Map.copyOf(configs);
    }
}
