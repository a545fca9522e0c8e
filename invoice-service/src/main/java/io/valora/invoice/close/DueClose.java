package io.valora.invoice.close;

import io.valora.billing.period.BillingPeriod;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.invoices.SaveOutcome;
import io.valora.invoice.subscriptions.DueSubscription;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.invoice.subscriptions.SubscriptionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Closes one chunk of one tenant's due subscription periods on a plain JDBC connection, in the
 * caller's transaction, and moves each subscription's schedule past the period.
 *
 * <p>Why it exists: the scheduler (through {@link PeriodCloser}) and the close benchmark run exactly
 * this code, so the benchmark measures what the service does.
 */
public final class DueClose {

    private DueClose() {
    }

    /** Closes the chunk in the tenant's session on {@code c}; returns how many invoices were created or updated. */
    public static int close(Connection c, TenantScope tenant, List<DueSubscription> due, Instant now, String eventsTopic)
            throws SQLException {
        List<CloseTarget> targets = new ArrayList<>(due.size());
        for (DueSubscription d : due) {
            StoredSubscription s = d.subscription();
            BillingPeriod period = s.calendar().periodContaining(d.periodEnd().minusNanos(1));
            if (s.overlaps(period)) {
                targets.add(CloseTarget.of(s, period));
            }
        }
        Map<String, SaveOutcome> written = CloseChunk.closeAll(c, tenant, targets, now, eventsTopic);
        SubscriptionStore.on(c).advance(due);
        return (int) written.values().stream().filter(o -> o != SaveOutcome.FROZEN).count();
    }
}
