package io.valora.invoice.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes records to publish into the {@code outbox} table, inside the caller's transaction.
 *
 * <p>Why it exists: a change and its announcement must both happen or neither (no dual write):
 * the row commits with the change, and {@link OutboxRelay} publishes it to Kafka afterwards,
 * however long after a crash that takes. The SQL is {@link OutboxStore}'s; the period close
 * appends its events through that store on its own connection.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxStore store;
    private final Clock clock;

    Outbox(Jdbi jdbi, Clock clock) {
        this.store = new OutboxStore(jdbi);
        this.clock = clock;
    }

    /** Appends the message; it is published only if the surrounding transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxMessage message) {
        store.appendAll(List.of(message), clock.instant());
    }
}
