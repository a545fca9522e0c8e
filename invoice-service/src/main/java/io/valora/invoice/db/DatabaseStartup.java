package io.valora.invoice.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * First thing at start-up: checks that PostgreSQL answers, applies the Flyway migrations as the
 * tables' owner, closes the owner's connections, then checks the runtime roles
 * ({@link RuntimeRoles}). In the local/dev/test profiles it first creates the two login roles
 * ({@link LoginRoles}).
 *
 * <p>Why it exists: Quarkus' own migrate-at-start would fail on an unreachable server with a
 * long stack trace; here the operator gets one line that names the URL and the fix, and the
 * start-up fails before anything (the Kafka consumer, the scheduler) tries to use the database.
 * The owner is needed only for the schema: nothing after this runs with its privileges.
 */
@ApplicationScoped
public class DatabaseStartup {

    /** Observer priority: before the consumer and anything else that needs the schema. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);

    private final AgroalDataSource owner;
    private final Flyway flyway;
    private final RuntimeRoles roles;
    private final String jdbcUrl;
    private final boolean createLoginRoles;
    private final String requestUser;
    private final Optional<String> requestPassword;
    private final String systemUser;
    private final Optional<String> systemPassword;

    DatabaseStartup(@DataSource(Databases.OWNER) AgroalDataSource owner, @FlywayDataSource(Databases.OWNER) Flyway flyway,
                    RuntimeRoles roles, @ConfigProperty(name = "valora.db.url") String jdbcUrl,
                    @ConfigProperty(name = "valora.db.create-login-roles", defaultValue = "false") boolean createLoginRoles,
                    @ConfigProperty(name = "valora.db.user") String requestUser,
                    @ConfigProperty(name = "valora.db.password") Optional<String> requestPassword,
                    @ConfigProperty(name = "valora.db.system.user") String systemUser,
                    @ConfigProperty(name = "valora.db.system.password") Optional<String> systemPassword) {
        this.owner = owner;
        this.flyway = flyway;
        this.roles = roles;
        this.jdbcUrl = jdbcUrl;
        this.createLoginRoles = createLoginRoles;
        this.requestUser = requestUser;
        this.requestPassword = requestPassword;
        this.systemUser = systemUser;
        this.systemPassword = systemPassword;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        try (Connection connection = owner.getConnection()) {
            LOG.infof("Connected to PostgreSQL %s at %s", connection.getMetaData().getDatabaseProductVersion(),
                    UnreachableDatabase.redact(jdbcUrl));
        } catch (SQLException | RuntimeException e) {
            String message = UnreachableDatabase.message(jdbcUrl, "VALORA_DB_MIGRATION_USER and VALORA_DB_MIGRATION_PASSWORD", e);
            LOG.error(message);
            throw new DatabaseUnreachableException(message);
        }
        try {
            int applied = flyway.migrate().migrationsExecuted;
            LOG.infof("Database schema up to date (%d migrations applied now)", applied);
            if (createLoginRoles) {
                createLoginRoles();
            }
        } finally {
            // No connection of the owner outlives the migrations.
            owner.flush(AgroalDataSource.FlushMode.ALL);
        }
        roles.check();
    }

    private void createLoginRoles() {
        try (Connection c = owner.getConnection()) {
            LoginRoles.ensure(c, requestUser, requestPassword, "valora_tenant");
            LoginRoles.ensure(c, systemUser, systemPassword, DatabaseRole.SYSTEM_GROUP);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the login roles: " + e.getMessage(), e);
        }
    }
}
