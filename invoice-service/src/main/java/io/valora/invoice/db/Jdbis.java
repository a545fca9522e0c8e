package io.valora.invoice.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The service's {@link Jdbi}: on the request datasource for the stores inside the container, or on
 * one bare connection for the period close's benchmark; configured the same way in both.
 *
 * <p>Why it exists: Jdbi must join the transaction the container (JTA, {@code @Transactional}) or
 * the caller already holds instead of managing its own: a handle never begins, commits or rolls
 * back, and closing one never ends the transaction ({@code forceEndTransactions} off). So the
 * tenant's session ({@link TenantSession}: {@code SET LOCAL} on the transaction's connection)
 * covers every statement a store runs. Instants bind as UTC {@code TIMESTAMPTZ} ({@link SqlTime}'s rule).
 */
@ApplicationScoped
public class Jdbis {

    /** The request role's Jdbi: statements run in the caller's transaction and tenant session. */
    @Produces
    @ApplicationScoped
    Jdbi requestJdbi(AgroalDataSource dataSource) {
        return on(dataSource);
    }

    /** A Jdbi on {@code dataSource}: each handle takes the current transaction's connection. */
    public static Jdbi on(DataSource dataSource) {
        return configure(Jdbi.create(dataSource));
    }

    /** Whether a statement failed on a unique constraint (SQL state 23505): a create of something that exists. */
    public static boolean isUniqueViolation(JdbiException e) {
        return e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }

    /**
     * A query whose {@code ?} parameters take {@code args} in order: the list queries build their
     * {@code WHERE} from optional filters and a keyset page ({@code PagePosition}).
     */
    public static Query positional(Handle handle, String sql, List<Object> args) {
        Query query = handle.createQuery(sql);
        for (int i = 0; i < args.size(); i++) {
            query.bind(i, args.get(i));
        }
        return query;
    }

    /**
     * The database's own words for a failed statement (the SQL exception's message, also when Jdbi
     * wraps it), for logs, readiness and recorded close failures.
     */
    public static String reason(Exception e) {
        Throwable cause = e instanceof JdbiException ? e.getCause() : e;
        return cause instanceof SQLException sql ? sql.getMessage() : e.getMessage();
    }

    /** A Jdbi on one connection the caller owns (and commits): handles never close it. */
    public static Jdbi on(Connection connection) {
        return configure(Jdbi.create(connection));
    }

    private static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        jdbi.registerArgument(new UtcInstants());
        jdbi.registerColumnMapper(Instant.class, instantColumn());
        return jdbi;
    }

    private static ColumnMapper<Instant> instantColumn() {
        return (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        };
    }

    /** Binds an instant as a UTC {@code OffsetDateTime}, never through the JVM's default time zone. */
    private static final class UtcInstants extends AbstractArgumentFactory<Instant> {

        UtcInstants() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
