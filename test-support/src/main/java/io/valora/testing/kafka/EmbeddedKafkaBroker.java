package io.valora.testing.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller), running
 * inside the test JVM through Kafka's own {@link KafkaClusterTestKit}.
 *
 * <p>It exists because these machines have no Docker engine (so Testcontainers cannot start),
 * and a mock is not an integration test: this is the same broker code that runs in production,
 * on an ephemeral 127.0.0.1 port, with its log directories under the build folder.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats storage under {@code baseDirectory}, starts the node and waits until it serves clients. */
    public static EmbeddedKafkaBroker start(Path baseDirectory) {
        KafkaClusterTestKit cluster = null;
        try {
            Files.createDirectories(baseDirectory);
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(baseDirectory, "kraft-"))
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // One node: internal topics cannot have more replicas than that.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaBroker(cluster);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("Could not start the embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} of the broker's client listener. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Creates topics if missing (single replica), and waits until the broker leads every partition of them. The
     * controller answers the creation before the broker has applied it; a producer that writes in that gap gets
     * {@code NOT_LEADER_OR_FOLLOWER}, and an idempotent one was seen to go on to retry {@code OUT_OF_ORDER_SEQUENCE}
     * without end, so a test would wait for records that never arrive.
     */
    public void createTopics(int partitions, Collection<String> names) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            admin.createTopics(topics).values().values().forEach(EmbeddedKafkaBroker::ignoreExists);
            awaitLeaders(admin, names);
        }
    }

    private static void awaitLeaders(Admin admin, Collection<String> names) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(10, TimeUnit.SECONDS);
                boolean led = described.values().stream()
                        .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (led) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot describe topics " + names, e.getCause());
                }
            } catch (TimeoutException e) {
                // asked again below until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topic leaders", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no leader for every partition of " + names + " within 30 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // polling the broker's metadata, with the deadline above
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    /** Client properties every producer/consumer in tests needs. */
    public Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static void ignoreExists(org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic: " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("Embedded Kafka broker did not close cleanly: " + e);
        }
    }
}
