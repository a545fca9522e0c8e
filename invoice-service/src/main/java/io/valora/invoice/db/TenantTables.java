package io.valora.invoice.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant tables as the database has them: every table of the current schema with a
 * {@code tenant} column, and {@code tenants} itself.
 *
 * <p>Why it exists: row-level security must cover every one of them, including tables added
 * later. Reading the list from the catalog (not from a list in code) lets the start-up check and
 * the tests notice a new table that was created without {@code FORCE ROW LEVEL SECURITY}.
 */
public final class TenantTables {

    private static final String LIST = """
            SELECT c.relname FROM pg_class c
            WHERE c.relkind IN ('r', 'p') AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
              AND (c.relname = 'tenants' OR EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attname = 'tenant' AND a.attnum > 0 AND NOT a.attisdropped))
            ORDER BY c.relname
            """;

    private static final String NOT_FORCED = """
            SELECT c.relname FROM pg_class c
            WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
              AND c.relname = ANY (?) AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            ORDER BY c.relname
            """;

    private TenantTables() {
    }

    /** The tenant tables' names, sorted. */
    public static List<String> list(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LIST); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The tenant tables on which row-level security is not both enabled and forced. */
    public static List<String> withoutForcedSecurity(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(NOT_FORCED)) {
            ps.setArray(1, c.createArrayOf("text", list(c).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
