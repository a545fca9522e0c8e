package io.valora.invoice.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the request and system login roles, when missing, as members of {@code valora_tenant}
 * and {@code valora_system}: what a DBA does once in production (README, Database roles), done by
 * the service itself on the local stack's embedded server and in tests
 * ({@code valora.db.create-login-roles}).
 *
 * <p>Why it exists: {@code ./valora run} and the tests start from an empty server with one
 * superuser; without this they would have to run as that superuser, the very thing the start-up
 * check refuses in production.
 */
public final class LoginRoles {

    private static final Logger LOG = Logger.getLogger(LoginRoles.class);
    private static final String DUPLICATE_OBJECT = "42710";

    private LoginRoles() {
    }

    /**
     * Makes {@code login} a login role that is a member of {@code group} (the password is set only
     * when the role is created). Runs on the owner's connection {@code c}; another instance creating
     * the same role at the same moment is not an error.
     */
    public static void ensure(Connection c, String login, Optional<String> password, String group) throws SQLException {
        if (!exists(c, login)) {
            try (Statement st = c.createStatement()) {
                st.execute(quoted(c, password.isPresent() ? "CREATE ROLE %I LOGIN PASSWORD %L" : "CREATE ROLE %I LOGIN",
                        login, password.orElse(null)));
                LOG.infof("Created the login role %s (member of %s)", login, group);
            } catch (SQLException e) {
                if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(quoted(c, "GRANT %I TO %I", group, login));
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The statement with identifiers and literals quoted by the server ({@code format()}), never by hand. */
    private static String quoted(Connection c, String template, String first, String second) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format(?, ?, ?)")) {
            ps.setString(1, template);
            ps.setString(2, first);
            ps.setString(3, second);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
