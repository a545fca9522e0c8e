package io.valora.invoice.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes records to publish into the {@code outbox} table, inside the caller's transaction.
 *
 * <p>Why it exists: a change and its announcement must both happen or neither (no dual write):
 * the row commits with the change, and {@link OutboxRelay} publishes it to Kafka afterwards,
 * however long after a crash that takes. The period close appends its events in one batch on its
 * own handle ({@link #appendAll}).
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox (tenant, topic, record_key, payload, created_at) "
            + "VALUES (:tenant, :topic, :key, :payload, :createdAt)";

    private final Jdbi jdbi;
    private final Clock clock;

    Outbox(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Appends the message; it is published only if the surrounding transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxMessage message) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> appendAll(h, List.of(message), now));
    }

    /** Appends the messages in one batch on {@code handle}, each created at {@code now}. */
    public static void appendAll(Handle handle, List<OutboxMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (OutboxMessage message : messages) {
            batch.bind("tenant", message.tenant()).bind("topic", message.topic()).bind("key", message.key())
                    .bind("payload", message.payload()).bind("createdAt", now).add();
        }
        batch.execute();
    }
}
