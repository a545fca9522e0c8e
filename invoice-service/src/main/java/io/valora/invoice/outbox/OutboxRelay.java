package io.valora.invoice.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import io.valora.invoice.db.Databases;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            if (!tryLock(c)) {
                return 0;
            }
            List<OutboxRow> rows = unsent(c);
            if (!rows.isEmpty()) {
                SendOutcome outcome = publisher.sendAll(rows);
                List<OutboxRow> sent = rows.stream().filter(r -> !outcome.refused().containsKey(r.id())).toList();
                markSent(c, sent, clock.instant());
                park(c, outcome.refused(), clock.instant());
            }
            deleteSentBefore(c, clock.instant().minus(settings.retention()));
            status.parked(countParked(c));
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

    /**
     * The next rows to publish, in id order: not parked, not behind a parked row of the same topic
     * and key, and at most one row per topic and key (the batch ends before a key's second row),
     * so a row the broker refuses cannot be overtaken by a later change of its key.
     */
    private List<OutboxRow> unsent(Connection c) throws SQLException {
        String sql = """
                SELECT o.id, o.topic, o.record_key, o.payload FROM outbox o
                WHERE o.sent_at IS NULL AND o.parked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.parked_at IS NOT NULL AND p.sent_at IS NULL
                                  AND p.topic = o.topic AND p.record_key = o.record_key AND p.id < o.id)
                ORDER BY o.id LIMIT ?
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, settings.batchSize());
            List<OutboxRow> rows = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxRow row = new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4));
                    if (!keys.add(row.topic() + "\n" + row.key())) {
                        break;
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void park(Connection c, Map<Long, String> refused, Instant now) throws SQLException {
        if (refused.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET parked_at = ?, park_error = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> row : refused.entrySet()) {
                LOG.errorf("Parked outbox row %d: the broker will not take it (%s); later rows of its key wait", row.getKey(),
                        row.getValue());
                SqlTime.set(ps, 1, now);
                ps.setString(2, row.getValue());
                ps.setLong(3, row.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long countParked(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void markSent(Connection c, List<OutboxRow> rows, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
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
