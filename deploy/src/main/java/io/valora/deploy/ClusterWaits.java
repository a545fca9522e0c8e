package io.valora.deploy;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

/**
 * The waits of a {@link SecureCluster} after a node fault, as the cluster itself reports them through the Admin
 * API: a node fenced or back among the brokers, every replica in sync again. Each polls with a deadline and says
 * what did not happen.
 */
final class ClusterWaits {

    private ClusterWaits() {
    }

    /**
     * Polls until node {@code id} is (or is no longer) among the unfenced brokers; {@code alive} must not exit.
     *
     * @param admin the super user's client properties with short timeouts
     */
    static void awaitListed(Map<String, Object> admin, int id, boolean listed, List<ChildProcess> alive,
            Duration timeout) {
        boolean reached = brokersUntil(admin, alive, timeout,
                brokers -> brokers.stream().anyMatch(n -> n.id() == id) == listed, "node " + id);
        if (!reached) {
            throw new IllegalStateException("node " + id + (listed ? " did not rejoin" : " was not fenced")
                    + " within " + timeout);
        }
    }

    /**
     * Polls the cluster's unfenced brokers until {@code wanted} holds for them; false if it did not within
     * {@code timeout}. A process of {@code alive} that exits ends the wait at once with its failure. Shared by the
     * start of a cluster ({@link KraftNodes#awaitAllNodes}) and the node faults.
     *
     * @param waitingFor what is waited for, for the message of an unexpected failure (e.g. {@code "node 2"})
     */
    static boolean brokersUntil(Map<String, Object> admin, List<ChildProcess> alive, Duration timeout,
            Predicate<Collection<Node>> wanted, String waitingFor) {
        try (Admin client = Admin.create(admin)) {
            return Poll.until(timeout, () -> {
                for (ChildProcess child : alive) {
                    if (!child.isAlive()) {
                        throw child.failure("exited while starting");
                    }
                }
                try {
                    return wanted.test(client.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                            .get(4, TimeUnit.SECONDS));
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("waiting for " + waitingFor + " failed", e);
        }
    }

    /** Polls until every partition, internal topics included, has all its replicas in sync. */
    static void awaitReplicasInSync(Map<String, Object> admin, Duration timeout) {
        boolean inSync;
        try (Admin client = Admin.create(admin)) {
            inSync = Poll.until(timeout, () -> {
                try {
                    var names = client.listTopics(new ListTopicsOptions().listInternal(true)).names()
                            .get(4, TimeUnit.SECONDS);
                    return client.describeTopics(names).allTopicNames().get(8, TimeUnit.SECONDS).values().stream()
                            .flatMap(t -> t.partitions().stream())
                            .allMatch(p -> p.isr().size() == p.replicas().size());
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("waiting for the replicas failed", e);
        }
        if (!inSync) {
            throw new IllegalStateException("some partitions were not fully in sync within " + timeout);
        }
    }
}
