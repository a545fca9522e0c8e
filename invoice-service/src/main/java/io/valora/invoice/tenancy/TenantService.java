package io.valora.invoice.tenancy;

import io.valora.auth.Scope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.keys.ApiKeyService;
import io.valora.invoice.keys.NewKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.regex.Pattern;

/**
 * Creates tenants for the operator: the tenant and its first API key (every scope), in one
 * transaction, the key published through the outbox.
 *
 * <p>Why it exists: a tenant without a key could not be used, and a key without its tenant must
 * never exist; one transaction gives both or neither.
 */
@ApplicationScoped
public class TenantService {

    /** Tenant ids: lower-case letters, digits and dashes, 2–63 characters, starting with a letter or digit. */
    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final TenantStore tenants;
    private final ApiKeyService keys;
    private final TenantSession session;
    private final Clock clock;

    TenantService(TenantStore tenants, ApiKeyService keys, TenantSession session, Clock clock) {
        this.tenants = tenants;
        this.keys = keys;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Creates the tenant and its first key.
     *
     * @throws TenantExistsException when the id is taken (nothing is written)
     */
    @Transactional
    public NewKey create(String id, String name) {
        if (!TENANT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("tenant id must match " + TENANT_ID.pattern());
        }
        session.enter(id);
        tenants.insert(id, name, clock.instant());
        return keys.create(id, "first key", EnumSet.allOf(Scope.class));
    }
}
