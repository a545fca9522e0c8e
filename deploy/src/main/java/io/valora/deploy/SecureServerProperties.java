package io.valora.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code server.properties} of one node of the secured local cluster.
 *
 * <ul>
 *   <li>{@code BROKER} listener, SASL_SSL with SCRAM-SHA-512: clients and inter-broker traffic (the brokers
 *       authenticate to each other as the super user {@code admin}, whose credential is written at format time).</li>
 *   <li>{@code CONTROLLER} listener, SSL with client certificates required: KRaft traffic; the brokers' certificate
 *       maps to the principal {@code User:valora-broker}. (SCRAM cannot secure a controller listener: its
 *       credentials live in the metadata the controllers serve.)</li>
 *   <li>{@code StandardAuthorizer}, nothing allowed without an ACL, super users {@code admin} and the brokers.</li>
 *   <li>Replication 3 and {@code min.insync.replicas=2} for every internal and default topic.</li>
 * </ul>
 */
public final class SecureServerProperties {

    public static final String ADMIN_USER = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private SecureServerProperties() {
    }

    /** The settings of node {@code nodeId} (1-based), in the order they are written. */
    public static Map<String, String> of(SecureClusterConfig config, int nodeId, LocalCertificates tls,
            String adminPassword) {
        int port = config.ports().get(nodeId - 1);
        int controllerPort = config.controllerPorts().get(nodeId - 1);
        int replicas = Math.min(3, config.nodes());
        String minIsr = Integer.toString(Math.min(2, replicas));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", config.quorumVoters());
        p.put("listeners", "BROKER://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "BROKER://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "BROKER:SASL_SSL,CONTROLLER:SSL");
        p.put("inter.broker.listener.name", "BROKER");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.broker." + MECHANISM.toLowerCase() + ".sasl.jaas.config", jaas(ADMIN_USER, adminPassword));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", tls.brokerKeystore().toString());
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.truststore().toString());
        p.put("ssl.truststore.password", tls.password());
        p.put("listener.name.controller.ssl.client.auth", "required");
        p.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+).*$/$1/,DEFAULT");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + ADMIN_USER + ";User:" + LocalCertificates.BROKER_CN);
        p.put("log.dirs", config.nodeDir(nodeId).resolve("kraft-logs").toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", Integer.toString(replicas));
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", Integer.toString(replicas));
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** A SCRAM login for {@code sasl.jaas.config}. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The file's text. */
    public static String render(Map<String, String> properties) {
        return "# Written by io.valora.deploy.SecureCluster on every start; edits are overwritten.\n"
                + properties.entrySet().stream()
                        .map(e -> e.getKey() + "=" + KafkaServerProperties.escape(e.getValue()))
                        .collect(Collectors.joining("\n", "", "\n"));
    }
}
