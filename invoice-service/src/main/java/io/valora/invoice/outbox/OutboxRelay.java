package io.valora.invoice.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.valora.invoice.db.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

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

    OutboxRelay(AgroalDataSource dataSource, OutboxPublisher publisher, OutboxSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(identity = "outbox-relay", every = "${valora.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RelaySwitch.class)
    void tick() {
        try {
            while (relayOnce() == settings.batchSize()) {
                LOG.debug("Outbox batch full; relaying the next one at once");
            }
        } catch (RuntimeException e) {
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
            if (!tryLock(c)) {
                return 0;
            }
            List<OutboxRow> rows = unsent(c);
            if (!rows.isEmpty()) {
                publisher.sendAll(rows);
                markSent(c, rows, clock.instant());
            }
            deleteSentBefore(c, clock.instant().minus(settings.retention()));
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not relay the outbox: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> unsent(Connection c) throws SQLException {
        String sql = "SELECT id, topic, record_key, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, settings.batchSize());
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
                }
            }
            return rows;
        }
    }

    private static void markSent(Connection c, List<OutboxRow> rows, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET sent_at = ? WHERE id = ANY (?)")) {
            SqlTime.set(ps, 1, now);
            ps.setArray(2, c.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            ps.executeUpdate();
        }
    }

    private static void deleteSentBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE sent_at < ?")) {
            SqlTime.set(ps, 1, cutoff);
            ps.executeUpdate();
        }
    }
}
