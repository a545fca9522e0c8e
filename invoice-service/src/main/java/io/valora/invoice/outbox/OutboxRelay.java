package io.valora.invoice.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.Jdbis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.JdbiException;

/**
 * Publishes committed outbox rows to Kafka, in outbox order, every {@code valora.outbox.interval}.
 *
 * <p>Why it exists: it is the second half of the transactional outbox. In one database
 * transaction it takes a cluster-wide advisory lock (so of several instances only one relays at
 * a time, which keeps the order per key — a revocation is never published before the creation
 * it revokes), reads a batch of unsent rows, sends them and waits for the broker's
 * acknowledgements, then marks them sent. If the process dies after sending and before the
 * commit, the rows are sent again: delivery is at least once, which the compacted topics and the
 * events' ids make harmless. Nothing committed is ever lost.
 *
 * <p>A row the broker refuses for good (larger than a record may be) is parked with its error
 * ({@code parked_at}, {@code park_error}) instead of failing the batch every tick for everyone;
 * it holds back only the later rows of its own topic and key. {@link OutboxStatus} shows the
 * parked rows (readiness data, metric) and whether the last run failed.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Key of the PostgreSQL advisory lock that elects the relaying instance ("VALORA01"). */
    static final long LOCK_KEY = 0x56414C4F52413031L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final OutboxPublisher publisher;
    private final OutboxSettings settings;
    private final Clock clock;
    private final OutboxStatus status;

    OutboxRelay(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource, OutboxPublisher publisher, OutboxSettings settings, Clock clock, OutboxStatus status) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.status = status;
    }

    @Scheduled(identity = "outbox-relay", every = "${valora.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelaySwitch.class)
    void tick() {
        try {
            while (relayOnce() > 0) {
                LOG.debug("Outbox rows relayed; relaying the next batch at once");
            }
            status.succeeded();
        } catch (RuntimeException e) {
            status.failed(e.getMessage());
            LOG.warnf("Outbox relay failed, rows stay unsent and are retried: %s", e.getMessage());
        }
    }

    /**
     * Relays one batch of unsent rows.
     *
     * @return how many rows were published; 0 also when another instance holds the relay lock
     */
    @Transactional
    public int relayOnce() {
        try (Connection c = dataSource.getConnection()) {
            OutboxStore outbox = OutboxStore.on(c);
            if (!outbox.tryTransactionLock(LOCK_KEY)) {
                return 0;
            }
            List<OutboxRow> rows = outbox.unsent(settings.batchSize());
            if (!rows.isEmpty()) {
                SendOutcome outcome = publisher.sendAll(rows);
                List<OutboxRow> sent = rows.stream().filter(r -> !outcome.refused().containsKey(r.id())).toList();
                outbox.markSent(sent, clock.instant());
                outcome.refused().forEach((id, error) -> LOG.errorf(
                        "Parked outbox row %d: the broker will not take it (%s); later rows of its key wait", id, error));
                outbox.park(outcome.refused(), clock.instant());
            }
            outbox.deleteSentBefore(clock.instant().minus(settings.retention()));
            status.parked(outbox.countParked());
            return rows.size();
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not relay the outbox: " + Jdbis.reason(e), e);
        }
    }
}
