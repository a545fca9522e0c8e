package io.valora.deploy.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Compares a cluster's topics with a {@link TopicRegistry} through the Admin API and creates the missing ones.
 * Existing topics are never changed: a partition count, a replication factor or a cleanup policy changed under
 * running services moves keys or loses data, so those are an operator's decision (docs/operations.md).
 */
public final class TopicProvisioner {

    private final Admin admin;
    private final Duration timeout;

    /** {@code admin} stays the caller's to close. */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Brokers in the cluster. */
    public int brokerCount() {
        return get(admin.describeCluster().nodes(), "describe the cluster").size();
    }

    /** Every topic of the registry as the cluster has it (empty = missing); changes nothing. */
    public List<TopicCheck> check(TopicRegistry registry) {
        List<TopicSpec> specs = registry.specs();
        Map<String, ExistingTopic> existing = describe(specs.stream().map(TopicSpec::name).toList());
        return specs.stream().map(s -> TopicCheck.of(s, Optional.ofNullable(existing.get(s.name())))).toList();
    }

    /**
     * Creates every missing topic with its spec.
     *
     * @return the names created (a topic made meanwhile by someone else counts as existing, not created)
     * @throws ProvisioningRefused if the cluster has fewer brokers than the replication factor, or the caller
     *                             may not create topics
     */
    public List<String> createMissing(TopicRegistry registry, List<TopicCheck> checks) {
        int brokers = brokerCount();
        if (registry.replicationFactor() > brokers) {
            throw new ProvisioningRefused("refusing to create topics with replication factor "
                    + registry.replicationFactor() + " on a cluster of " + brokers + " broker(s): give "
                    + "--replication-factor " + brokers + " or fewer (a single-broker stack needs 1)");
        }
        List<NewTopic> missing = checks.stream().filter(TopicCheck::missing).map(TopicCheck::wanted)
                .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.of(s.replicationFactor()))
                        .configs(s.configs()))
                .toList();
        List<String> created = new ArrayList<>();
        for (var result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw failure("create topic " + result.getKey(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningRefused("interrupted while creating topics", e);
            } catch (TimeoutException e) {
                throw new ProvisioningRefused("creating topic " + result.getKey() + " took longer than " + timeout, e);
            }
        }
        return created;
    }

    private Map<String, ExistingTopic> describe(Collection<String> names) {
        Map<String, TopicDescription> descriptions = new HashMap<>();
        for (var entry : admin.describeTopics(names).topicNameValues().entrySet()) {
            try {
                descriptions.put(entry.getKey(), entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw failure("describe topic " + entry.getKey(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningRefused("interrupted while describing topics", e);
            } catch (TimeoutException e) {
                throw new ProvisioningRefused("describing topic " + entry.getKey() + " took longer than " + timeout, e);
            }
        }
        if (descriptions.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = descriptions.keySet().stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(resources).all(), "describe topic configurations");
        Map<String, ExistingTopic> result = new LinkedHashMap<>();
        descriptions.forEach((name, d) -> {
            Map<String, String> values = new HashMap<>();
            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).entries()
                    .forEach(e -> {
                        if (e.value() != null) {
                            values.put(e.name(), e.value());
                        }
                    });
            int replicas = d.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            result.put(name, new ExistingTopic(name, d.partitions().size(), replicas, values));
        });
        return result;
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(what, e.getCause());
            }
            throw failure(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningRefused("interrupted while trying to " + what, e);
        } catch (TimeoutException e) {
            throw unreachable(what, e);
        }
    }

    private ProvisioningRefused unreachable(String what, Throwable cause) {
        return new ProvisioningRefused("could not " + what + " within " + timeout
                + ": is the bootstrap address right, and does the client configuration match the listener "
                + "(security.protocol, sasl.*, ssl.*)?", cause);
    }

    private static ProvisioningRefused failure(String what, Throwable cause) {
        if (cause instanceof AuthorizationException) {
            return new ProvisioningRefused("not allowed to " + what + " (" + cause.getMessage() + "): provision with an "
                    + "administrator's client configuration (--command-config), e.g. a super user", cause);
        }
        return new ProvisioningRefused("could not " + what + ": " + cause, cause);
    }
}
