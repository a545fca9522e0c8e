package io.valora.invoice.lifecycle;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import io.valora.invoice.db.ClusterLock;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.InvoiceStore.TenantInvoice;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.JdbiException;
import org.jboss.logging.Logger;

/**
 * Finalizes drafts by themselves once their period ended more than {@code valora.finalize.after}
 * ago (off when unset: finalization by API only).
 *
 * <p>Why it exists: a billing team usually wants invoices to go out without a person pressing a
 * button, after a delay in which late usage can still update the draft. Each invoice goes through
 * {@link InvoiceLifecycle} (row lock, state check, event in the outbox), so when two instances
 * pick the same draft, the second one finds it finalized and skips it.
 */
@ApplicationScoped
public class AutoFinalizer {

    private static final Logger LOG = Logger.getLogger(AutoFinalizer.class);
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final InvoiceLifecycle lifecycle;
    private final Optional<Duration> after;
    private final Clock clock;
    private final ClusterLock lock;

    AutoFinalizer(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource, InvoiceLifecycle lifecycle,
                  @ConfigProperty(name = "valora.finalize.after") Optional<Duration> after, Clock clock,
                  ClusterLock lock) {
        this.dataSource = dataSource;
        this.lifecycle = lifecycle;
        this.after = after;
        this.clock = clock;
        this.lock = lock;
    }

    @Scheduled(identity = "finalize-due-drafts", every = "${valora.close.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        after.ifPresent(delay -> lock.runExclusively(ClusterLock.AUTO_FINALIZE,
                () -> finalizeDue(clock.instant().minus(delay))));
    }

    /** Finalizes every draft whose period ended at or before {@code cutoff}; returns how many. */
    public int finalizeDue(Instant cutoff) {
        int finalized = 0;
        for (TenantInvoice due : due(cutoff)) {
            try {
                lifecycle.apply(due.tenant(), due.id(), Transition.FINALIZE, Optional.empty());
                finalized++;
            } catch (InvalidTransitionException e) {
                LOG.debugf("Invoice %s was finalized elsewhere: %s", due.id(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not finalize invoice %s (tenant %s)", due.id(), due.tenant());
            }
        }
        if (finalized > 0) {
            LOG.infof("Finalized %d invoices", finalized);
        }
        return finalized;
    }

    /** The oldest drafts due, of every tenant: a cross-tenant read on the system role. */
    private List<TenantInvoice> due(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            return InvoiceStore.on(c).draftsEndedBy(cutoff, BATCH);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find drafts to finalize: " + e.getMessage(), e);
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not find drafts to finalize: " + Jdbis.reason(e), e);
        }
    }
}
