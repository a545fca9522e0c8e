package io.valora.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A dedicated real broker that advertises itself behind a {@link TcpProxy}, so a test can cut the
 * gateway off from it (a broker outage, as clients see it) and restore it, while the shared broker
 * of the other tests is untouched. The publish timeout is shortened to keep the test quick.
 */
public final class PartitionableKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** The proxy of the running resource; tests cut and restore it. */
    public static volatile TcpProxy proxy;
    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy();
            Path base = Files.createDirectories(Path.of("target", "kafka-partitionable"));
            TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(base, "kraft-")).build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("auto.create.topics.enable", "false")
                    // Clients learn the proxy's address from metadata, so all their traffic crosses it.
                    .setConfigProp("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port())
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            // The real port is known once the node is up; until then the proxy turns clients away.
            proxy.forwardTo(Integer.parseInt(cluster.bootstrapServers().replaceAll(".*:", "")));
            cluster.waitForReadyBrokers();
            String bootstrap = "127.0.0.1:" + proxy.port();
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin client = Admin.create(admin)) {
                client.createTopics(List.of(new NewTopic("usage-events", 3, (short) 1), new NewTopic("api-keys", 1, (short) 1)))
                        .all().get();
            }
            return Map.of("kafka.bootstrap.servers", bootstrap, "valora.ingest.publish-timeout", "3s");
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the partitionable broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("Partitionable broker did not close cleanly: " + e);
            }
        }
    }
}
