package io.valora.invoice.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL says about the role a connection is logged in as: superuser, BYPASSRLS, which
 * tenant tables it owns or may act as the owner of, and whether it is a member of
 * {@code valora_system}.
 *
 * <p>Why it exists: row-level security does not apply to a superuser, to a BYPASSRLS role, or —
 * unless forced — to the owner, and a member of the owner's role can always {@code SET ROLE} to
 * it. These facts decide whether a login role may serve requests ({@link RoleCheck}).
 *
 * @param name         the login role ({@code session_user})
 * @param superuser    {@code rolsuper}
 * @param bypassRls    {@code rolbypassrls}
 * @param ownerOf      tenant tables whose owner this role is, or is a member of
 * @param systemMember member of {@code valora_system} (sees every tenant's rows)
 */
public record DatabaseRole(String name, boolean superuser, boolean bypassRls, List<String> ownerOf, boolean systemMember) {

    /** The group role whose members see every tenant's rows (migration V17). */
    public static final String SYSTEM_GROUP = "valora_system";

    private static final String FACTS = """
            SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                   EXISTS (SELECT 1 FROM pg_roles s WHERE s.rolname = ? AND pg_has_role(r.oid, s.oid, 'MEMBER')) AS system_member
            FROM pg_roles r WHERE r.rolname = session_user
            """;

    private static final String OWNED = """
            SELECT c.relname FROM pg_class c
            WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
              AND c.relname = ANY (?) AND pg_has_role(session_user, c.relowner, 'MEMBER')
            ORDER BY c.relname
            """;

    /** The facts of the role {@code c} is logged in as. */
    public static DatabaseRole of(Connection c) throws SQLException {
        List<String> owned = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OWNED)) {
            ps.setArray(1, c.createArrayOf("text", TenantTables.list(c).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owned.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(FACTS)) {
            ps.setString(1, SYSTEM_GROUP);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("The session user is missing from pg_roles");
                }
                return new DatabaseRole(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), List.copyOf(owned), rs.getBoolean(4));
            }
        }
    }
}
