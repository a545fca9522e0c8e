package io.valora.invoice.tenancy;

import io.quarkus.runtime.StartupEvent;
import io.valora.invoice.db.DatabaseStartup;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, when the development key is enabled, makes sure its tenant exists, so the
 * development key can create real keys for it like any admin key.
 *
 * <p>Why it exists: the bootstrap path (launcher, demo, end-to-end test) starts from the
 * development key alone, without calling the operator endpoint.
 */
@ApplicationScoped
public class DevTenantBootstrap {

    private final TenantStore tenants;
    private final Optional<String> devKey;
    private final String devTenant;
    private final Clock clock;

    DevTenantBootstrap(TenantStore tenants, @ConfigProperty(name = "valora.auth.dev-key") Optional<String> devKey,
                       @ConfigProperty(name = "valora.auth.dev-tenant", defaultValue = "demo") String devTenant,
                       Clock clock) {
        this.tenants = tenants;
        this.devKey = devKey;
        this.devTenant = devTenant;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(DatabaseStartup.PRIORITY + 5) StartupEvent event) {
        if (devKey.filter(k -> !k.isBlank()).isPresent()) {
            tenants.ensure(devTenant, devTenant + " (development tenant)", clock.instant());
        }
    }
}
