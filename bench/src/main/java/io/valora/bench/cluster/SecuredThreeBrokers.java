package io.valora.bench.cluster;

import io.valora.bench.ClientProperties;
import io.valora.deploy.RuntimeClasspath;
import io.valora.deploy.SecureCluster;
import io.valora.deploy.SecureClusterConfig;
import io.valora.deploy.acls.ServiceAcls;
import io.valora.deploy.acls.ServicePrincipals;
import io.valora.deploy.topics.TopicRegistry;
import io.valora.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The secured cluster {@code ./valora stack --secure} runs ({@link SecureCluster}: three KRaft nodes, SASL_SSL with
 * SCRAM-SHA-512, ACLs), provisioned the same way: replicated topics, one SCRAM user per service with exactly its
 * ACLs. The gateway and the raw producer connect as the gateway's principal, rating-streams as its own; the
 * benchmark's own clients (catalog, pre-produced events, the charges reader) as the super user.
 */
final class SecuredThreeBrokers extends ThreeNodes {

    private static final ServicePrincipals PRINCIPALS = ServicePrincipals.defaults();

    private final SecureCluster cluster;

    private SecuredThreeBrokers(SecureCluster cluster, TopicRegistry registry) {
        super(cluster, cluster::nodes, registry);
        this.cluster = cluster;
    }

    static SecuredThreeBrokers start(Path dir, RuntimeClasspath classpath, Topics topics, int partitions,
            Duration timeout) {
        SecureCluster cluster = SecureCluster.start(SecureClusterConfig.onFreePorts(dir.resolve("kafka-secure"),
                dir.resolve("logs")), classpath, timeout);
        return provisionedOrClosed(cluster, c -> {
            for (String principal : List.of(PRINCIPALS.gateway(), PRINCIPALS.rating())) {
                c.createUser(ServicePrincipals.userName(principal), timeout);
            }
            TopicRegistry registry = TopicRegistry.production(topics, partitions);
            ClientProperties admin = new ClientProperties(c.adminProperties());
            Provisioning.topics(admin, registry);
            Provisioning.acls(admin, ServiceAcls.all(registry.topics(), PRINCIPALS));
            return new SecuredThreeBrokers(c, registry);
        });
    }

    @Override
    public String name() {
        return "secure3";
    }

    @Override
    public ClientProperties benchClient() {
        return new ClientProperties(cluster.adminProperties());
    }

    @Override
    public ClientProperties gatewayClient() {
        return new ClientProperties(cluster.clientProperties(ServicePrincipals.userName(PRINCIPALS.gateway())));
    }

    @Override
    public Map<String, String> serviceEnv(String module) {
        String principal = switch (module) {
            case "ingest-gateway" -> PRINCIPALS.gateway();
            case "rating-streams" -> PRINCIPALS.rating();
            default -> throw new IllegalArgumentException("no principal for " + module + " in this benchmark");
        };
        return cluster.serviceEnv(ServicePrincipals.userName(principal));
    }
}
