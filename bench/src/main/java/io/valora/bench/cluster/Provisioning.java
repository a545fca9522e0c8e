package io.valora.bench.cluster;

import io.valora.bench.ClientProperties;
import io.valora.deploy.acls.AclProvisioner;
import io.valora.deploy.topics.ProvisioningRefused;
import io.valora.deploy.topics.TopicProvisioner;
import io.valora.deploy.topics.TopicRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/** Topics and ACLs on a fresh cluster, through the deploy module's provisioners, as the launcher makes them. */
final class Provisioning {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Provisioning() {
    }

    static void topics(ClientProperties admin, TopicRegistry registry) {
        try (Admin client = Admin.create(admin.asProperties())) {
            TopicProvisioner provisioner = new TopicProvisioner(client, TIMEOUT);
            provisioner.createMissing(registry, provisioner.check(registry));
        } catch (ProvisioningRefused e) {
            throw new IllegalStateException("could not create the topics: " + e.getMessage(), e);
        }
    }

    static void acls(ClientProperties admin, List<AclBinding> bindings) {
        try (Admin client = Admin.create(admin.asProperties())) {
            AclProvisioner acls = new AclProvisioner(client, TIMEOUT);
            acls.create(acls.missing(bindings));
        }
    }
}
