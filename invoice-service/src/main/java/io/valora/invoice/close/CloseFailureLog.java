package io.valora.invoice.close;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.Jdbis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.JdbiException;

/**
 * The scheduler's side of the {@code close_failures} table: periods it could not close, each
 * retried after a backoff that doubles with every failure ({@code valora.close.retry-backoff} up
 * to {@code valora.close.retry-max-backoff}), on the system role.
 *
 * <p>Why it exists: a period that fails to close must neither stop the other tenants' closes nor
 * be retried in a tight loop nor be forgotten; it is recorded here in its own transaction (the
 * close's was rolled back), skipped by the scheduler until its retry time, and counted for
 * operators across every tenant. Tenants read their rows through {@link CloseFailures}; only the
 * scheduler writes them.
 */
@ApplicationScoped
public class CloseFailureLog {

    private static final int MAX_ERROR = 2000;

    private final CloseFailureStore store;
    private final Clock clock;
    private final CloseFailureStore.Backoff backoff;
    private final AtomicLong open = new AtomicLong();

    CloseFailureLog(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource, Clock clock,
                    @ConfigProperty(name = "valora.close.retry-backoff", defaultValue = "PT1M") Duration backoff,
                    @ConfigProperty(name = "valora.close.retry-max-backoff", defaultValue = "PT1H") Duration maxBackoff) {
        this.store = new CloseFailureStore(Jdbis.on(dataSource));
        this.clock = clock;
        this.backoff = new CloseFailureStore.Backoff(backoff, maxBackoff);
    }

    /** Records one more failed attempt; the period is tried again after the backoff. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String tenant, String subscription, Instant periodStart, Instant periodEnd, String error) {
        String message = error == null ? "unknown error" : error;
        try {
            store.record(new CloseFailureStore.Attempt(tenant, subscription, periodStart, periodEnd,
                    message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message, clock.instant()), backoff);
            open.incrementAndGet();
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not record a close failure: " + Jdbis.reason(e), e);
        }
    }

    /** Forgets the failures of periods that have now closed (ending at or before {@code periodEnd}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cleared(String tenant, List<String> subscriptions, List<Instant> periodStarts) {
        if (open.get() == 0 || subscriptions.isEmpty()) {
            return;
        }
        try {
            store.delete(tenant, subscriptions, periodStarts);
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not clear close failures: " + Jdbis.reason(e), e);
        }
    }

    /** Counts the recorded failures (all tenants) and remembers the count for {@link #openCount()}. */
    @Transactional
    public long refreshCount() {
        try {
            open.set(store.count());
            return open.get();
        } catch (JdbiException e) {
            throw new IllegalStateException("Could not count close failures: " + Jdbis.reason(e), e);
        }
    }

    /** Periods that could not be closed, as of the scheduler's last tick (a metric and health data). */
    public long openCount() {
        return open.get();
    }
}
