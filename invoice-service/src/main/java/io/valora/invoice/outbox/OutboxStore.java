package io.valora.invoice.outbox;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlArrays;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The {@code outbox} table, on whichever Jdbi its caller holds: appends in a tenant's transaction
 * on the request role ({@link Outbox}, the period close's handle), the relay's reads and marks
 * across tenants on the system role ({@link OutboxRelay}).
 *
 * <p>Why it exists: one place for the table's SQL while two roles use it; it holds no datasource
 * itself, so which role reaches a row stays its caller's decision.
 */
public final class OutboxStore {

    private static final String INSERT = "INSERT INTO outbox (tenant, topic, record_key, payload, created_at) "
            + "VALUES (:tenant, :topic, :key, :payload, :createdAt)";

    private final Jdbi jdbi;

    /** The store on {@code jdbi}: its handles join the transaction the caller holds. */
    public OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The store on a connection the caller holds in its transaction. */
    public static OutboxStore on(Connection connection) {
        return new OutboxStore(Jdbis.on(connection));
    }

    /** Appends the messages in one batch, each created at {@code now}; published only if the transaction commits. */
    public void appendAll(List<OutboxMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (OutboxMessage message : messages) {
                batch.bind("tenant", message.tenant()).bind("topic", message.topic()).bind("key", message.key())
                        .bind("payload", message.payload()).bind("createdAt", now).add();
            }
            batch.execute();
        });
    }

    /** Whether this transaction took the advisory lock {@code key} (held until it ends); false when another holds it. */
    boolean tryTransactionLock(long key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pg_try_advisory_xact_lock(:key)").bind("key", key)
                .mapTo(Boolean.class).one());
    }

    /**
     * The next rows to publish, in id order, at most {@code limit}: not parked, not behind a parked
     * row of the same topic and key, and at most one row per topic and key (the batch ends before a
     * key's second row), so a row the broker refuses cannot be overtaken by a later change of its key.
     */
    List<OutboxRow> unsent(int limit) {
        String sql = """
                SELECT o.id, o.topic, o.record_key, o.payload FROM outbox o
                WHERE o.sent_at IS NULL AND o.parked_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.parked_at IS NOT NULL AND p.sent_at IS NULL
                                  AND p.topic = o.topic AND p.record_key = o.record_key AND p.id < o.id)
                ORDER BY o.id LIMIT :limit
                """;
        List<OutboxRow> found = jdbi.withHandle(h -> h.createQuery(sql).bind("limit", limit)
                .map((rs, ctx) -> new OutboxRow(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
                        rs.getBytes("payload")))
                .list());
        List<OutboxRow> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (OutboxRow row : found) {
            if (!keys.add(row.topic() + "\n" + row.key())) {
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    /** Marks the rows sent at {@code now}. */
    void markSent(List<OutboxRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET sent_at = :now WHERE id = ANY (:ids)").bind("now", now)
                .bind("ids", SqlArrays.of("bigint", rows.stream().map(OutboxRow::id).toList())).execute());
    }

    /** Parks the refused rows (id → the broker's reason) at {@code now}. */
    void park(Map<Long, String> refused, Instant now) {
        if (refused.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE outbox SET parked_at = :now, park_error = :error WHERE id = :id");
            refused.forEach((id, error) -> batch.bind("now", now).bind("error", error).bind("id", id).add());
            batch.execute();
        });
    }

    /** Deletes the rows sent before {@code cutoff}. */
    void deleteSentBefore(Instant cutoff) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM outbox WHERE sent_at < :cutoff").bind("cutoff", cutoff).execute());
    }

    /** How many rows are parked and not sent. */
    long countParked() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND sent_at IS NULL")
                .mapTo(Long.class).one());
    }
}
