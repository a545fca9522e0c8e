package io.valora.deploy;

import java.util.Map;

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
        Map<String, String> p = KraftNodes.identityAndListeners(config, nodeId, "BROKER");
        p.put("listener.security.protocol.map", "BROKER:SASL_SSL,CONTROLLER:SSL");
        p.put("inter.broker.listener.name", "BROKER");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.broker." + MECHANISM.toLowerCase() + ".sasl.jaas.config", jaas(ADMIN_USER, adminPassword));
        tls.putBrokerStores(p);
        p.put("listener.name.controller.ssl.client.auth", "required");
        p.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+).*$/$1/,DEFAULT");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + ADMIN_USER + ";User:" + LocalCertificates.BROKER_CN);
        KraftNodes.putStorageAndReplication(p, config, nodeId);
        return p;
    }

    /** A SCRAM login for {@code sasl.jaas.config}. */
    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The file's text. */
    public static String render(Map<String, String> properties) {
        return KraftNodes.render("Written by io.valora.deploy.SecureCluster on every start; edits are overwritten.",
                properties);
    }
}
