package io.valora.invoice.close;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.valora.invoice.charges.DuePeriod;
import io.valora.invoice.charges.RatedChargeStore;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.subscriptions.DueSubscription;
import io.valora.invoice.subscriptions.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.JdbiException;

/**
 * The scheduler's reads across every tenant — which periods are due, which tenants have late
 * changes — and its statistics refresh, on the system role.
 *
 * <p>Why it exists: finding the work spans tenants, doing it does not. This class finds it, on
 * the system role's own connections; {@link PeriodCloser} then does each tenant's part in that
 * tenant's session on the request role. Only {@link PeriodCloseScheduler} uses it, so no request
 * path can reach a connection that sees every tenant.
 */
@ApplicationScoped
public class CloseScan {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    CloseScan(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Up to {@code limit} subscriptions whose period is due (ended, and final or past the grace). */
    @Transactional
    public List<DueSubscription> dueSubscriptions(Duration grace, int limit) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            return SubscriptionStore.on(c).due(now, now.minus(grace), limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find due subscriptions: " + e.getMessage(), e);
        }
    }

    /** The charged periods that ended at least {@code grace} ago and still need an (updated) invoice. */
    @Transactional
    public List<DuePeriod> duePeriods(Duration grace) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            return RatedChargeStore.on(c).duePeriods(now.minus(grace), now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find periods to close: " + e.getMessage(), e);
        }
    }

    /** Tenants whose finalized periods have charges that changed since and were not carried yet ({@link LateChanges}). */
    @Transactional
    public List<String> tenantsWithLateChanges() {
        try (Connection c = dataSource.getConnection()) {
            return LateChanges.tenants(c);
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not find late changes: " + Jdbis.reason(e), e);
        }
    }

    /** Refreshes the planner statistics of the tables a long close grows ({@link CloseStatistics}). */
    @Transactional
    public void refreshStatistics() {
        try (Connection c = dataSource.getConnection()) {
            CloseStatistics.refresh(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh statistics: " + e.getMessage(), e);
        }
    }
}
