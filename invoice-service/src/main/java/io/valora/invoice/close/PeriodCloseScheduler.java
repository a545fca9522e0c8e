package io.valora.invoice.close;

import io.quarkus.scheduler.Scheduled;
import io.valora.invoice.charges.DuePeriod;
import io.valora.invoice.db.ClusterLock;
import io.valora.invoice.subscriptions.DueSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes ended periods automatically, every {@code valora.close.interval}: each subscription's
 * period once it has ended and all its charges are final, or once its end is more than
 * {@code valora.close.grace} in the past; and any draft whose charges changed since it was written
 * (late usage), in place. Work goes in chunks of {@code valora.close.chunk-size} invoices, one
 * transaction each, with progress logged.
 *
 * <p>Why it exists: invoices must appear without anybody calling the close endpoint. With several
 * instances, one runs each tick ({@link ClusterLock}); even if two closed the same period, the
 * invoice writer's locks make the second an in-place update.
 */
@ApplicationScoped
public class PeriodCloseScheduler {

    private static final Logger LOG = Logger.getLogger(PeriodCloseScheduler.class);

    private final PeriodCloser closer;
    private final Duration grace;
    private final int chunkSize;
    private final ClusterLock lock;

    PeriodCloseScheduler(PeriodCloser closer,
                         @ConfigProperty(name = "valora.close.grace", defaultValue = "PT1H") Duration grace,
                         @ConfigProperty(name = "valora.close.chunk-size", defaultValue = "1000") int chunkSize,
                         ClusterLock lock) {
        this.closer = closer;
        this.grace = grace;
        this.chunkSize = chunkSize;
        this.lock = lock;
    }

    @Scheduled(identity = "close-ended-periods", every = "${valora.close.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEndedPeriods() {
        lock.runExclusively(ClusterLock.PERIOD_CLOSE, this::closeDue);
    }

    /** Closes every due period now; returns how many invoices were written. Failures are logged per chunk. */
    public int closeDue() {
        int written = 0;
        int chunks = 0;
        List<DueSubscription> due = closer.dueSubscriptions(grace, chunkSize);
        while (!due.isEmpty()) {
            int before = written;
            for (Map.Entry<String, List<DueSubscription>> tenant : byTenant(due).entrySet()) {
                try {
                    written += closer.closeDue(tenant.getKey(), tenant.getValue());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not close %d due periods of tenant %s; stopping this tick", tenant.getValue().size(),
                            tenant.getKey());
                    return written;
                }
            }
            chunks++;
            LOG.infof("Closed chunk %d: %d invoices written (%d so far)", chunks, written - before, written);
            if (CloseStatistics.due(chunks)) {
                closer.refreshStatistics();
            }
            due = closer.dueSubscriptions(grace, chunkSize);
        }
        List<DuePeriod> charged = closer.duePeriods(grace);
        Map<String, List<DuePeriod>> perTenant = new LinkedHashMap<>();
        charged.forEach(p -> perTenant.computeIfAbsent(p.tenant(), t -> new ArrayList<>()).add(p));
        for (Map.Entry<String, List<DuePeriod>> tenant : perTenant.entrySet()) {
            List<DuePeriod> periods = tenant.getValue();
            for (int from = 0; from < periods.size(); from += chunkSize) {
                List<DuePeriod> chunk = periods.subList(from, Math.min(periods.size(), from + chunkSize));
                try {
                    written += closer.closeCharged(tenant.getKey(), chunk);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not close %d charged periods of tenant %s", chunk.size(), tenant.getKey());
                }
            }
        }
        if (written > 0) {
            LOG.infof("Closed %d invoices of ended periods", written);
        }
        return written;
    }

    private static Map<String, List<DueSubscription>> byTenant(List<DueSubscription> due) {
        Map<String, List<DueSubscription>> grouped = new LinkedHashMap<>();
        due.forEach(d -> grouped.computeIfAbsent(d.subscription().tenant(), t -> new ArrayList<>()).add(d));
        return grouped;
    }
}
