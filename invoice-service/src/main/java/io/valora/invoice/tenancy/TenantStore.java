package io.valora.invoice.tenancy;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.TenantSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@code tenants} table.
 *
 * <p>Why it exists: a tenant must exist before it can own keys (foreign key), and its id is
 * taken once.
 */
@ApplicationScoped
public class TenantStore {

    private final Jdbi jdbi;
    private final TenantSession session;

    TenantStore(Jdbi jdbi, TenantSession session) {
        this.jdbi = jdbi;
        this.session = session;
    }

    /**
     * Inserts a tenant in the caller's transaction.
     *
     * @throws TenantExistsException when the id is taken
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(String id, String name, Instant now) {
        try {
            write(id, name, now, "");
        } catch (JdbiException e) {
            if (Jdbis.isUniqueViolation(e)) {
                throw new TenantExistsException(id);
            }
            throw e;
        }
    }

    /** Inserts the tenant unless it exists, in its own transaction and the tenant's session. */
    @Transactional
    public void ensure(String id, String name, Instant now) {
        session.enter(id);
        write(id, name, now, " ON CONFLICT (id) DO NOTHING");
    }

    private void write(String id, String name, Instant now, String onConflict) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO tenants (id, name, created_at) VALUES (:id, :name, :createdAt)"
                        + onConflict)
                .bind("id", id).bind("name", name).bind("createdAt", now)
                .execute());
    }
}
