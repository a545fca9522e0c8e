package io.valora.invoice.close;

import io.quarkus.scheduler.Scheduled;
import io.valora.invoice.charges.DuePeriod;
import io.valora.invoice.db.ClusterLock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes ended periods automatically, every {@code valora.close.interval}, once their end is
 * more than {@code valora.close.grace} in the past (the grace leaves time for the last usage
 * to be rated).
 *
 * <p>Why it exists: invoices must appear without anybody calling the close endpoint. A period
 * whose charges change after its draft was written (late usage) is closed again, in place. With
 * several instances, one runs each tick ({@link ClusterLock}); even if two closed the same
 * period, the invoice store's locks make the second an in-place update.
 */
@ApplicationScoped
public class PeriodCloseScheduler {

    private static final Logger LOG = Logger.getLogger(PeriodCloseScheduler.class);

    private final PeriodCloser closer;
    private final Duration grace;
    private final ClusterLock lock;

    PeriodCloseScheduler(PeriodCloser closer,
                         @ConfigProperty(name = "valora.close.grace", defaultValue = "PT1H") Duration grace,
                         ClusterLock lock) {
        this.closer = closer;
        this.grace = grace;
        this.lock = lock;
    }

    @Scheduled(identity = "close-ended-periods", every = "${valora.close.interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeEndedPeriods() {
        lock.runExclusively(ClusterLock.PERIOD_CLOSE, this::closeDue);
    }

    /** Closes every due period now; returns how many invoices were written. Failures are logged per invoice. */
    public int closeDue() {
        int written = 0;
        for (DuePeriod due : closer.duePeriods(grace)) {
            try {
                written += closer.close(due.tenant(), due.periodStart(), Optional.of(due.customer())).size();
            } catch (MixedCurrenciesException e) {
                LOG.warn(e.getMessage());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not close the period starting %s of customer %s (tenant %s)",
                        due.periodStart(), due.customer(), due.tenant());
            }
        }
        if (written > 0) {
            LOG.infof("Closed %d invoices of ended periods", written);
        }
        return written;
    }
}
