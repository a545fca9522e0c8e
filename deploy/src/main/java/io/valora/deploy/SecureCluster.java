package io.valora.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * A secured, replicated Kafka cluster on this machine, as production runs one: three KRaft nodes (each broker
 * and controller, each its own {@code kafka.Kafka} process), TLS from a private CA made with {@code keytool},
 * SASL/SCRAM-SHA-512 users, {@code StandardAuthorizer} with nothing allowed without an ACL
 * ({@link SecureServerProperties}).
 *
 * <p>The super user {@code admin} is written into the storage when it is formatted
 * ({@code StorageTool format --add-scram}); the service users are created afterwards through the Admin API
 * ({@link #createUser}). Passwords are generated on the first start and kept in
 * {@code <dataDir>/secrets.properties} (local use only, {@link ClusterSecrets}); the waits after a node fault are
 * {@link ClusterWaits}.
 */
public final class SecureCluster implements Component {

    private static final int SCRAM_ITERATIONS = 8192;

    private final SecureClusterConfig config;
    private final LocalCertificates tls;
    private final ClusterSecrets secrets;
    private final List<Node> nodes;
    private final RuntimeClasspath classpath;

    private SecureCluster(SecureClusterConfig config, LocalCertificates tls, ClusterSecrets secrets, List<Node> nodes,
            RuntimeClasspath classpath) {
        this.config = config;
        this.tls = tls;
        this.secrets = secrets;
        this.nodes = nodes;
        this.classpath = classpath;
    }

    /** One node's process. */
    public static final class Node extends StartedProcess {
        private final int id;

        Node(int id, ChildProcess process, Duration startupTime) {
            super(process, startupTime);
            this.id = id;
        }

        @Override
        public String name() {
            return "kafka-" + id;
        }

        public int id() {
            return id;
        }

        /** SIGKILL: a lost broker. */
        public void kill() {
            process.kill();
        }

        @Override
        public void close() {
            process.stop(KafkaProcess.STOP_TIMEOUT);
        }
    }

    /**
     * Makes the TLS files and formats the storage on first use, starts every node, and returns once all of them
     * are in the cluster and answer the super user over SASL_SSL.
     *
     * @throws IllegalStateException if that does not happen within {@code timeout}; every node is stopped then
     */
    public static SecureCluster start(SecureClusterConfig config, RuntimeClasspath classpath, Duration timeout) {
        KraftNodes.requireFreePorts(config);
        ClusterSecrets secrets = ClusterSecrets.loadOrCreate(config.dataDir().resolve("secrets.properties"));
        LocalCertificates tls = LocalCertificates.createOrReuse(config.dataDir().resolve("tls"),
                secrets.tlsPassword(), config.logDir());
        String clusterId = KafkaProcess.clusterId(config.dataDir());
        List<Path> propertiesFiles = new ArrayList<>();
        for (int id = 1; id <= config.nodes(); id++) {
            propertiesFiles.add(KraftNodes.writeFiles(config, id, SecureServerProperties.render(
                    SecureServerProperties.of(config, id, tls, secrets.adminPassword()))));
        }
        List<String> addAdmin = List.of("--add-scram", SecureServerProperties.MECHANISM + "=[name="
                + SecureServerProperties.ADMIN_USER + ",password=" + secrets.adminPassword() + "]");
        for (int id = 1; id <= config.nodes(); id++) {
            KraftNodes.formatOnFirstStart(config, id, classpath, propertiesFiles.get(id - 1), clusterId, addAdmin);
        }
        List<Node> nodes = new ArrayList<>();
        List<ChildProcess> children = new ArrayList<>();
        try {
            for (int id = 1; id <= config.nodes(); id++) {
                children.add(KraftNodes.launch(config, id, classpath, propertiesFiles.get(id - 1)));
            }
            SecureCluster cluster = new SecureCluster(config, tls, secrets, nodes, classpath);
            KraftNodes.awaitAllNodes(config, cluster.shortTimeouts(), children, timeout, " to the admin over SASL_SSL");
            nodes.addAll(KraftNodes.nodes(children));
            return cluster;
        } catch (RuntimeException e) {
            children.forEach(c -> c.stop(KafkaProcess.STOP_TIMEOUT));
            throw e;
        }
    }

    /**
     * SIGKILL to node {@code id} (1-based): a lost broker and controller, no controlled shutdown. Returns once the
     * remaining nodes have fenced it (it is gone from the cluster's brokers, so its partitions have new leaders and
     * their in-sync replicas no longer name it): only then has the cluster really lost a broker. Its data folder is
     * kept for {@link #startNode}.
     *
     * @throws IllegalStateException if it is still listed after {@code timeout}
     */
    public synchronized void killNode(int id, Duration timeout) {
        node(id).kill();
        ClusterWaits.awaitListed(shortTimeouts(), id, false, List.of(), timeout);
    }

    /**
     * Starts node {@code id} again on its data folder and ports, after a {@link #killNode}; returns once it is among
     * the cluster's brokers again and every partition (internal topics included) has all its replicas in sync, i.e.
     * the node has caught up with what was written while it was down.
     *
     * @throws IllegalStateException if the node still runs, or that does not happen within {@code timeout}
     */
    public synchronized Node startNode(int id, Duration timeout) {
        Node old = node(id);
        if (old.isAlive()) {
            throw new IllegalStateException(old.name() + " still runs (pid " + old.pid() + ")");
        }
        ChildProcess child = KraftNodes.launch(config, id, classpath, config.nodeDir(id).resolve("server.properties"));
        try {
            // listed again = this new process registered and was unfenced (after killNode it was gone)
            ClusterWaits.awaitListed(shortTimeouts(), id, true, List.of(child), timeout);
            ClusterWaits.awaitReplicasInSync(shortTimeouts(), timeout);
        } catch (RuntimeException e) {
            child.stop(KafkaProcess.STOP_TIMEOUT);
            throw e;
        }
        Node fresh = new Node(id, child, child.sinceStart());
        nodes.set(id - 1, fresh);
        return fresh;
    }

    /** The node id of the active KRaft controller (the quorum's leader), as the metadata quorum reports it. */
    public int activeControllerId() {
        try (Admin admin = Admin.create(shortTimeouts())) {
            return admin.describeMetadataQuorum().quorumInfo().get(20, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            throw new IllegalStateException("could not describe the metadata quorum: " + e, e);
        }
    }

    private Node node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no node " + id + "; nodes are 1.." + nodes.size());
        }
        return nodes.get(id - 1);
    }

    private Map<String, Object> shortTimeouts() {
        return KraftNodes.shortTimeouts(adminProperties());
    }

    /**
     * Creates (or updates) SCRAM-SHA-512 user {@code user} with its generated password and returns once that user
     * can authenticate.
     */
    public void createUser(String user, Duration timeout) {
        String password = password(user);
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create SCRAM user " + user + ": " + e, e);
        }
        Map<String, Object> props = new LinkedHashMap<>(clientProperties(user));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "4000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        try (Admin asUser = Admin.create(props)) {
            // The credential reaches every broker through the metadata log; until then a login may fail.
            if (!Poll.until(timeout, () -> {
                try {
                    return asUser.describeCluster().nodes().get(4, TimeUnit.SECONDS).size() == config.nodes();
                } catch (Exception notYet) {
                    return false;
                }
            })) {
                throw new IllegalStateException("user " + user + " could not log in within " + timeout);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("checking user " + user + " failed", e);
        }
    }

    /** The generated password of {@code user} (made and kept on first use); {@code admin} has its own. */
    public synchronized String password(String user) {
        return secrets.password(user);
    }

    /** Client properties of the super user. */
    public Map<String, Object> adminProperties() {
        return clientProperties(SecureServerProperties.ADMIN_USER);
    }

    /** Client properties for {@code user}: SASL_SSL, SCRAM-SHA-512, the local CA as truststore. */
    public Map<String, Object> clientProperties(String user) {
        return clientProperties(user, password(user));
    }

    /** As {@link #clientProperties(String)} with a given password (e.g. a wrong one, in tests). */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        p.put(SaslConfigs.SASL_MECHANISM, SecureServerProperties.MECHANISM);
        p.put(SaslConfigs.SASL_JAAS_CONFIG, SecureServerProperties.jaas(user, password));
        p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.truststore().toString());
        p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.password());
        return p;
    }

    /**
     * What a Valora service needs to connect as {@code user}, as the {@code KAFKA_*} environment variables every
     * service reads ({@code kafka.<key>}): bootstrap servers, security protocol, mechanism, JAAS line, truststore.
     */
    public Map<String, String> serviceEnv(String user) {
        Map<String, String> env = new LinkedHashMap<>();
        clientProperties(user).forEach((k, v) -> env.put("KAFKA_" + k.toUpperCase().replace('.', '_'), v.toString()));
        return env;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public SecureClusterConfig config() {
        return config;
    }

    public LocalCertificates tls() {
        return tls;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public String name() {
        return "kafka x" + nodes.size();
    }

    /** The first node's pid. */
    @Override
    public long pid() {
        return nodes.isEmpty() ? -1 : nodes.get(0).pid();
    }

    /** Until the last node joined. */
    @Override
    public Duration startupTime() {
        return nodes.stream().map(Node::startupTime).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** All nodes together. */
    @Override
    public long rssBytes() {
        return nodes.stream().mapToLong(Node::rssBytes).sum();
    }

    /**
     * Stops every node at once (SIGTERM, SIGKILL after 30 s). One at a time, the last node would wait out its
     * controlled shutdown for a quorum that is already gone. Idempotent.
     */
    @Override
    public void close() {
        nodes.parallelStream().forEach(Node::close);
    }
}
