package io.valora.invoice.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a login role must meet for its job, as sentences that name the role, the setting and
 * the reason.
 *
 * <p>Why it exists: row-level security only protects tenants when requests run as a role it
 * applies to. A service configured with the owner or a superuser works perfectly and isolates
 * nothing, so the start-up check ({@link RuntimeRoles}) refuses such a configuration outside the
 * local profile instead of trusting it.
 */
public final class RoleCheck {

    private RoleCheck() {
    }

    /** Why {@code role} may not serve requests (empty when it may). */
    public static List<String> requestRoleProblems(DatabaseRole role) {
        List<String> problems = new ArrayList<>();
        String who = "the request database role \"" + role.name() + "\" (valora.db.user / VALORA_DB_USER)";
        if (role.superuser()) {
            problems.add(who + " is a superuser: row-level security never applies to it");
        }
        if (role.bypassRls()) {
            problems.add(who + " has BYPASSRLS: row-level security does not apply to it");
        }
        if (!role.ownerOf().isEmpty()) {
            problems.add(who + " owns, or is a member of the owner of, the tenant tables " + role.ownerOf()
                    + ": it could switch row-level security off");
        }
        if (role.systemMember()) {
            problems.add(who + " is a member of " + DatabaseRole.SYSTEM_GROUP + ": it sees every tenant's rows");
        }
        return problems;
    }

    /** Why {@code role} may not do the cross-tenant work (empty when it may). */
    public static List<String> systemRoleProblems(DatabaseRole role) {
        List<String> problems = new ArrayList<>();
        String who = "the system database role \"" + role.name() + "\" (valora.db.system.user / VALORA_DB_SYSTEM_USER)";
        if (role.superuser()) {
            problems.add(who + " is a superuser: it needs to read across tenants, not to bypass every check");
        }
        if (!role.ownerOf().isEmpty()) {
            problems.add(who + " owns, or is a member of the owner of, the tenant tables " + role.ownerOf()
                    + ": it could change the schema and the policies");
        }
        return problems;
    }

    /** Why the schema does not isolate tenants (empty when every tenant table forces row-level security). */
    public static List<String> schemaProblems(List<String> tablesWithoutForcedSecurity) {
        if (tablesWithoutForcedSecurity.isEmpty()) {
            return List.of();
        }
        return List.of("the tenant tables " + tablesWithoutForcedSecurity
                + " do not have row-level security enabled and forced (ALTER TABLE ... FORCE ROW LEVEL SECURITY)");
    }
}
