package io.valora.deploy.acls;

import io.valora.deploy.topics.ProvisioningRefused;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SecurityDisabledException;

/** Reads and creates ACLs through the Admin API. Never deletes one: an ACL someone added stays. */
public final class AclProvisioner {

    private final Admin admin;
    private final Duration timeout;

    /** {@code admin} stays the caller's to close. */
    public AclProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Those of {@code wanted} the cluster does not have yet. */
    public List<AclBinding> missing(Collection<AclBinding> wanted) {
        Set<AclBinding> existing = new HashSet<>(get(admin.describeAcls(AclBindingFilter.ANY).values(), "describe ACLs"));
        return wanted.stream().filter(b -> !existing.contains(b)).toList();
    }

    /** Creates {@code bindings} (creating an existing one is a no-op for the broker). */
    public void create(Collection<AclBinding> bindings) {
        if (!bindings.isEmpty()) {
            get(admin.createAcls(bindings).all(), "create ACLs");
        }
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                throw new ProvisioningRefused("could not " + what + ": the cluster has no authorizer "
                        + "(authorizer.class.name is not set), so ACLs mean nothing there", e.getCause());
            }
            if (e.getCause() instanceof AuthorizationException) {
                throw new ProvisioningRefused("not allowed to " + what + " (" + e.getCause().getMessage()
                        + "): use an administrator's client configuration (--command-config)", e.getCause());
            }
            throw new ProvisioningRefused("could not " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningRefused("interrupted while trying to " + what, e);
        } catch (TimeoutException e) {
            throw new ProvisioningRefused("could not " + what + " within " + timeout, e);
        }
    }
}
