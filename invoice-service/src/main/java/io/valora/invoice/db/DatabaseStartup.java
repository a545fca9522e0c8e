package io.valora.invoice.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * First thing at start-up: checks that PostgreSQL answers, then applies the Flyway migrations.
 *
 * <p>Why it exists: Quarkus' own migrate-at-start would fail on an unreachable server with a
 * long stack trace; here the operator gets one line that names the URL and the fix, and the
 * start-up fails before anything (the Kafka consumer, the scheduler) tries to use the database.
 */
@ApplicationScoped
public class DatabaseStartup {

    /** Observer priority: before the consumer and anything else that needs the schema. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);

    private final AgroalDataSource dataSource;
    private final Flyway flyway;
    private final String jdbcUrl;

    DatabaseStartup(AgroalDataSource dataSource, Flyway flyway,
                    @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.jdbcUrl = jdbcUrl;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            LOG.infof("Connected to PostgreSQL %s at %s", connection.getMetaData().getDatabaseProductVersion(),
                    UnreachableDatabase.redact(jdbcUrl));
        } catch (SQLException | RuntimeException e) {
            String message = UnreachableDatabase.message(jdbcUrl, e);
            LOG.error(message);
            throw new DatabaseUnreachableException(message);
        }
        int applied = flyway.migrate().migrationsExecuted;
        LOG.infof("Database schema up to date (%d migrations applied now)", applied);
    }
}
