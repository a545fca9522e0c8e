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
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes ended periods automatically, every {@code valora.close.interval}: each subscription's
 * period once it has ended and all its charges are final, or once its end is more than
 * {@code valora.close.grace} in the past; and any draft whose charges changed since it was written
 * (late usage), in place. Work goes in chunks of {@code valora.close.chunk-size} invoices, one
 * transaction per tenant and chunk, with progress logged.
 *
 * <p>Why it exists: invoices must appear without anybody calling the close endpoint. With several
 * instances, one runs each tick ({@link ClusterLock}); even if two closed the same period, the
 * invoice writer's locks make the second an in-place update.
 *
 * <p>Blast radius of one: when a tenant's chunk fails, its subscriptions are closed one by one,
 * so only the period that really fails is left; it is recorded in {@link CloseFailureLog} (listed
 * to its tenant, counted for operators) and skipped until its retry time, while every other
 * tenant's invoices are still written in the same tick.
 *
 * <p>Database roles: the work is found across tenants on the system role ({@link CloseScan},
 * {@link CloseFailureLog}, {@link ClusterLock}); each tenant's chunk is closed in that tenant's
 * session on the request role ({@link PeriodCloser}).
 */
@ApplicationScoped
public class PeriodCloseScheduler {

    private static final Logger LOG = Logger.getLogger(PeriodCloseScheduler.class);

    private final PeriodCloser closer;
    private final CloseScan scan;
    private final CloseFailureLog failures;
    private final Duration grace;
    private final int chunkSize;
    private final ClusterLock lock;

    PeriodCloseScheduler(PeriodCloser closer, CloseScan scan, CloseFailureLog failures,
                         @ConfigProperty(name = "valora.close.grace", defaultValue = "PT1H") Duration grace,
                         @ConfigProperty(name = "valora.close.chunk-size", defaultValue = "1000") int chunkSize,
                         ClusterLock lock) {
        this.closer = closer;
        this.scan = scan;
        this.failures = failures;
        this.grace = grace;
        this.chunkSize = chunkSize;
        this.lock = lock;
    }

    @Scheduled(identity = "close-ended-periods", every = "${valora.close.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEndedPeriods() {
        lock.runExclusively(ClusterLock.PERIOD_CLOSE, this::closeDue);
    }

    /** Closes every due period now; returns how many invoices were written. A failing period is recorded, not fatal. */
    public int closeDue() {
        failures.refreshCount();
        carryLateChanges();
        int written = 0;
        int chunks = 0;
        List<DueSubscription> due = scan.dueSubscriptions(grace, chunkSize);
        while (!due.isEmpty()) {
            int before = written;
            for (Map.Entry<String, List<DueSubscription>> tenant : group(due, d -> d.subscription().tenant()).entrySet()) {
                written += isolated(tenant.getKey(), tenant.getValue(), closer::closeDue, PeriodCloseScheduler::dueKey);
            }
            chunks++;
            LOG.infof("Closed chunk %d: %d invoices written (%d so far)", chunks, written - before, written);
            if (CloseStatistics.due(chunks)) {
                scan.refreshStatistics();
            }
            due = scan.dueSubscriptions(grace, chunkSize);
        }
        for (Map.Entry<String, List<DuePeriod>> tenant : group(scan.duePeriods(grace), DuePeriod::tenant).entrySet()) {
            List<DuePeriod> periods = tenant.getValue();
            for (int from = 0; from < periods.size(); from += chunkSize) {
                List<DuePeriod> chunk = periods.subList(from, Math.min(periods.size(), from + chunkSize));
                written += isolated(tenant.getKey(), chunk, closer::closeCharged,
                        p -> new PeriodKey(p.subscription(), p.periodStart(), p.periodEnd()));
            }
        }
        if (written > 0) {
            LOG.infof("Closed %d invoices of ended periods", written);
        }
        return written;
    }

    /**
     * Turns changes of charges whose invoice is already finalized into adjustment charges of the
     * next period (before closing, so they are billed in this tick when that period is due). One
     * transaction per tenant; a tenant that fails is logged and tried again next tick.
     */
    private void carryLateChanges() {
        for (String tenant : scan.tenantsWithLateChanges()) {
            try {
                int carried = closer.carryLateChanges(tenant);
                if (carried > 0) {
                    LOG.infof("Carried %d late changes of finalized periods of tenant %s to their next periods", carried, tenant);
                }
            } catch (RuntimeException e) {
                LOG.errorf("Could not carry late changes of tenant %s; retried next tick: %s", tenant, e.getMessage());
            }
        }
    }

    /**
     * Closes one tenant's chunk in one transaction; if that fails, each item in its own, recording
     * the items that still fail. Returns how many invoices were written.
     */
    private <T> int isolated(String tenant, List<T> chunk, Closing<T> close, Function<T, PeriodKey> key) {
        RuntimeException chunkFailure;
        try {
            int written = close.close(tenant, chunk);
            cleared(tenant, chunk.stream().map(key).toList());
            return written;
        } catch (RuntimeException e) {
            chunkFailure = e;
        }
        if (chunk.size() == 1) {
            failed(tenant, key.apply(chunk.get(0)), chunkFailure);
            return 0;
        }
        LOG.warnf("Could not close %d periods of tenant %s together (%s); closing them one by one", chunk.size(), tenant,
                chunkFailure.getMessage());
        int written = 0;
        for (T item : chunk) {
            try {
                written += close.close(tenant, List.of(item));
                cleared(tenant, List.of(key.apply(item)));
            } catch (RuntimeException e) {
                failed(tenant, key.apply(item), e);
            }
        }
        return written;
    }

    private void failed(String tenant, PeriodKey k, RuntimeException e) {
        LOG.errorf("Could not close the period starting %s of subscription %s (tenant %s); retried later: %s",
                k.periodStart(), k.subscription(), tenant, e.getMessage());
        failures.record(tenant, k.subscription(), k.periodStart(), k.periodEnd(), e.getMessage());
    }

    private void cleared(String tenant, List<PeriodKey> keys) {
        failures.cleared(tenant, keys.stream().map(PeriodKey::subscription).toList(),
                keys.stream().map(PeriodKey::periodStart).toList());
    }

    private static PeriodKey dueKey(DueSubscription d) {
        var period = d.subscription().calendar().periodContaining(d.periodEnd().minusNanos(1));
        return new PeriodKey(d.subscription().id(), period.start(), d.periodEnd());
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> tenant) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        items.forEach(d -> grouped.computeIfAbsent(tenant.apply(d), t -> new ArrayList<>()).add(d));
        return grouped;
    }

    /** One way of closing a tenant's list of periods in one transaction. */
    @FunctionalInterface
    private interface Closing<T> {
        int close(String tenant, List<T> items);
    }

    /** A period of a subscription. */
    private record PeriodKey(String subscription, java.time.Instant periodStart, java.time.Instant periodEnd) {
    }
}
