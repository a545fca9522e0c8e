package io.valora.deploy;

import io.valora.deploy.acls.AclProvisioner;
import io.valora.deploy.acls.ServiceAcls;
import io.valora.deploy.acls.ServicePrincipals;
import io.valora.deploy.topics.ProvisioningRefused;
import io.valora.deploy.topics.TopicProvisioner;
import io.valora.deploy.topics.TopicRegistry;
import io.valora.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Kafka of a {@link LocalStack}, plain or secured, behind one face: starting it, giving it its topics (and on
 * the secured cluster its SCRAM users and the services' ACLs), telling each service how to connect, and the broker
 * faults of the reliability tests. The stack itself then never asks which kind it runs.
 */
final class StackKafka {

    private final LocalStackSettings settings;
    private final StartedComponents started;
    /** Null: the plain single broker. */
    private final SecureClusterConfig secureConfig;
    private KafkaProcess kafka;
    private SecureCluster secureKafka;

    StackKafka(LocalStackSettings settings, StartedComponents started, SecureClusterConfig secureConfig) {
        this.settings = settings;
        this.started = started;
        this.secureConfig = secureConfig;
    }

    boolean secure() {
        return secureConfig != null;
    }

    /** Starts the broker, or the secured cluster and its service users; returns once ready. */
    void start(RuntimeClasspath classpath, Duration timeout) {
        if (secure()) {
            startSecureKafka(classpath, timeout);
        } else {
            kafka = started.add(KafkaProcess.start(settings.kafka(), classpath, timeout));
        }
    }

    /** Creates the topics; on the secured cluster replicated, with the services' ACLs. */
    void provision() {
        if (secure()) {
            provisionSecure();
        } else {
            createTopics();
        }
    }

    private void createTopics() {
        TopicRegistry registry = TopicRegistry.local(topics(), settings.topicPartitions());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            provisioner.createMissing(registry, provisioner.check(registry));
        } catch (ProvisioningRefused e) {
            throw new IllegalStateException("could not create topics: " + e.getMessage(), e);
        }
        settings.progress().accept("  topics           " + registry.topics().all() + ", " + settings.topicPartitions()
                + " partitions each");
    }

    private void startSecureKafka(RuntimeClasspath classpath, Duration timeout) {
        secureKafka = started.add(SecureCluster.start(secureConfig, classpath, timeout));
        ServicePrincipals principals = ServicePrincipals.defaults();
        for (String principal : List.of(principals.gateway(), principals.rating(), principals.invoice())) {
            secureKafka.createUser(ServicePrincipals.userName(principal), timeout);
        }
        settings.progress().accept("  users            admin (super user), " + String.join(", ",
                principals.gateway(), principals.rating(), principals.invoice()) + " (SCRAM-SHA-512; passwords in "
                + secureKafka.config().dataDir().resolve("secrets.properties") + ")");
    }

    /** The secured cluster's folder and ports: {@code <dataDir>/kafka-secure}, 9192/9194/9196 (controllers +1). */
    static SecureClusterConfig secureClusterConfig(LocalStackSettings settings) {
        return new SecureClusterConfig(settings.dataDir().resolve("kafka-secure"), settings.logDir(),
                ports("valora.secure.kafka.ports", SecureClusterConfig.DEFAULT_PORTS),
                ports("valora.secure.kafka.controller.ports", SecureClusterConfig.DEFAULT_CONTROLLER_PORTS), null);
    }

    private static List<Integer> ports(String property, List<Integer> fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback
                : java.util.Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private TopicRegistry secureRegistry() {
        return TopicRegistry.production(topics(), settings.topicPartitions());
    }

    /** Topics with replication 3 and min.insync.replicas 2, then the services' ACLs, as the super user. */
    private void provisionSecure() {
        TopicRegistry registry = secureRegistry();
        try (Admin admin = Admin.create(secureKafka.adminProperties())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
            provisioner.createMissing(registry, provisioner.check(registry));
            AclProvisioner acls = new AclProvisioner(admin, Duration.ofSeconds(30));
            acls.create(acls.missing(ServiceAcls.all(registry.topics(), ServicePrincipals.defaults())));
        } catch (ProvisioningRefused e) {
            throw new IllegalStateException("could not provision the secured cluster: " + e.getMessage(), e);
        }
        settings.progress().accept("  topics           " + registry.topics().all() + ", " + registry.partitions()
                + " partitions, replication " + registry.replicationFactor() + ", min.insync.replicas "
                + registry.minInsyncReplicas() + "; ACLs of every service applied");
    }

    private Topics topics() {
        return new Topics(settings.topicPrefix());
    }

    /** How service {@code module} connects: the plain broker's address, or its own SCRAM user over SASL_SSL. */
    Map<String, String> serviceEnv(String module) {
        return secure() ? secureKafka.serviceEnv(ServicePrincipals.userName(principalOf(module)))
                : Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    }

    /** What rating-streams needs on this cluster for its internal topics (replication on the secured one). */
    Map<String, String> ratingStreamsProperties() {
        return secure() ? secureRegistry().ratingStreamsProperties() : Map.of();
    }

    private static String principalOf(String module) {
        ServicePrincipals principals = ServicePrincipals.defaults();
        return switch (module) {
            case LocalStack.INGEST_GATEWAY -> principals.gateway();
            case LocalStack.RATING_STREAMS -> principals.rating();
            case LocalStack.INVOICE_SERVICE -> principals.invoice();
            default -> throw new IllegalArgumentException("no principal for module " + module);
        };
    }

    String bootstrapServers() {
        return secure() ? secureKafka.bootstrapServers() : kafka.bootstrapServers();
    }

    Map<String, Object> adminClientProperties() {
        return secure() ? secureKafka.adminProperties()
                : Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    /** The plain broker; null on the secured stack. */
    KafkaProcess plain() {
        return kafka;
    }

    Optional<SecureCluster> secureCluster() {
        return Optional.ofNullable(secureKafka);
    }

    void stopBroker() {
        requirePlainBroker();
        kafka.close();
        settings.progress().accept("  stopped kafka (data kept in " + settings.kafka().dataDir() + ")");
    }

    void killBroker() {
        requirePlainBroker();
        long pid = kafka.pid();
        kafka.kill();
        settings.progress().accept("  killed kafka (SIGKILL, pid " + pid + ")");
    }

    void startBroker() {
        requirePlainBroker();
        if (kafka.isAlive()) {
            throw new IllegalStateException("the broker still runs (pid " + kafka.pid() + ")");
        }
        KafkaProcess old = kafka;
        kafka = started.replace(old, KafkaProcess.start(settings.kafka(),
                RuntimeClasspath.load(settings.runtimeClasspathFile()), settings.startTimeout()));
    }

    void killNode(int id) {
        SecureCluster cluster = requireSecureCluster();
        long pid = cluster.nodes().get(id - 1).pid();
        long begin = System.nanoTime();
        cluster.killNode(id, settings.startTimeout());
        settings.progress().accept("  killed kafka-" + id + " (SIGKILL, pid " + pid + "), fenced by the cluster after "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms");
    }

    void startNode(int id) {
        SecureCluster.Node node = requireSecureCluster().startNode(id, settings.startTimeout());
        settings.progress().accept("  " + node.summary() + ", replicas in sync");
    }

    private SecureCluster requireSecureCluster() {
        if (!secure()) {
            throw new IllegalStateException("the plain stack has one broker: use killBroker() / startBroker()");
        }
        return secureKafka;
    }

    private void requirePlainBroker() {
        if (secure()) {
            throw new IllegalStateException("the secured stack has three brokers: use secureCluster().nodes()");
        }
    }
}
