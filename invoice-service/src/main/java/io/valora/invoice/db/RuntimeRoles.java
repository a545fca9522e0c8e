package io.valora.invoice.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The start-up check of the two runtime roles: connects as the request role and as the system
 * role and applies {@link RoleCheck}. With {@code valora.db.role-check=enforce} (the default) a
 * problem stops the start with a message naming the role and the reason; with {@code warn} (the
 * local and dev profiles) it is logged and the service starts.
 *
 * <p>Why it exists: a configuration that makes requests run as the owner or a superuser passes
 * every functional test and isolates no tenant; it must fail loudly where it matters.
 */
@ApplicationScoped
public class RuntimeRoles {

    private static final Logger LOG = Logger.getLogger(RuntimeRoles.class);

    private final AgroalDataSource request;
    private final AgroalDataSource system;
    private final String jdbcUrl;
    private final boolean enforce;

    RuntimeRoles(AgroalDataSource request, @DataSource(Databases.SYSTEM) AgroalDataSource system,
                 @ConfigProperty(name = "valora.db.url") String jdbcUrl,
                 @ConfigProperty(name = "valora.db.role-check", defaultValue = "enforce") String mode) {
        this.request = request;
        this.system = system;
        this.jdbcUrl = jdbcUrl;
        this.enforce = switch (mode.toLowerCase(Locale.ROOT)) {
            case "enforce" -> true;
            case "warn" -> false;
            default -> throw new IllegalArgumentException("valora.db.role-check must be enforce or warn, not " + mode);
        };
    }

    /**
     * Checks both roles; returns the problems found (logged as warnings in warn mode).
     *
     * @throws UnsafeDatabaseRoleException in enforce mode, when there is any problem
     * @throws DatabaseUnreachableException when a role cannot connect
     */
    public List<String> check() {
        List<String> problems = new ArrayList<>();
        try (Connection c = connect(request, "VALORA_DB_USER and VALORA_DB_PASSWORD")) {
            problems.addAll(RoleCheck.requestRoleProblems(DatabaseRole.of(c)));
            problems.addAll(RoleCheck.schemaProblems(TenantTables.withoutForcedSecurity(c)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the request database role: " + e.getMessage(), e);
        }
        try (Connection c = connect(system, "VALORA_DB_SYSTEM_USER and VALORA_DB_SYSTEM_PASSWORD")) {
            problems.addAll(RoleCheck.systemRoleProblems(DatabaseRole.of(c)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the system database role: " + e.getMessage(), e);
        }
        if (problems.isEmpty()) {
            return problems;
        }
        String message = String.join("; ", problems) + ". Tenants are not isolated by the database this way: connect as "
                + "roles created as in the invoice-service README (Database roles)";
        if (enforce) {
            LOG.error("Refusing to start: " + message + ", or run in the local profile.");
            throw new UnsafeDatabaseRoleException("Refusing to start: " + message + ", or run in the local profile.");
        }
        LOG.warn(message + " (allowed: valora.db.role-check=warn).");
        return problems;
    }

    private Connection connect(AgroalDataSource dataSource, String credentials) {
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            String message = UnreachableDatabase.message(jdbcUrl, credentials, e);
            LOG.error(message);
            throw new DatabaseUnreachableException(message);
        }
    }
}
