package io.valora.invoice.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code TIMESTAMPTZ} columns through JDBC 4.2's {@link OffsetDateTime}.
 *
 * <p>Why it exists: {@code java.sql.Timestamp} goes through the JVM's default time zone; period
 * boundaries must not depend on where the service runs.
 */
public final class SqlTime {

    private SqlTime() {
    }

    /** Binds an instant as a UTC timestamp with time zone. */
    public static void set(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads a {@code TIMESTAMPTZ} column as an instant. */
    public static Instant get(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Reads a nullable {@code TIMESTAMPTZ} column. */
    public static java.util.Optional<Instant> find(ResultSet rs, String column) throws SQLException {
        return java.util.Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
