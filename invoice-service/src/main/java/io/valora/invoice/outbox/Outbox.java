package io.valora.invoice.outbox;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Writes records to publish into the {@code outbox} table, inside the caller's transaction.
 *
 * <p>Why it exists: a change and its announcement must both happen or neither (no dual write):
 * the row commits with the change, and {@link OutboxRelay} publishes it to Kafka afterwards,
 * however long after a crash that takes.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox (tenant, topic, record_key, payload, created_at) VALUES (?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    Outbox(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Appends the message; it is published only if the surrounding transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxMessage message) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, message.tenant());
            ps.setString(2, message.topic());
            ps.setString(3, message.key());
            ps.setBytes(4, message.payload());
            SqlTime.set(ps, 5, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the outbox: " + e.getMessage(), e);
        }
    }
}
