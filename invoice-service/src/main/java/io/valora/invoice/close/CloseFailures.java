package io.valora.invoice.close;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.TenantSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The {@code close_failures} table as a tenant reads it: the periods the scheduler could not close
 * (written by {@link CloseFailureLog}).
 *
 * <p>Why it exists: a tenant must see which of its periods wait for a retry, and why; it reads
 * them in its own session on the request role, which may only read this table.
 */
@ApplicationScoped
public class CloseFailures {

    private final CloseFailureStore store;
    private final TenantSession session;

    CloseFailures(Jdbi jdbi, TenantSession session) {
        this.store = new CloseFailureStore(jdbi);
        this.session = session;
    }

    /** The tenant's failures, oldest period first, at most {@code limit}. */
    @Transactional
    public List<CloseFailure> list(String tenant, int limit) {
        try {
            return store.list(session.enter(tenant), limit);
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not list close failures: " + Jdbis.reason(e), e);
        }
    }
}
