package io.valora.invoice.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The start-up check against real PostgreSQL roles: the configured request and system roles pass;
 * a superuser, a BYPASSRLS role, a member of the tables' owner and a member of valora_system are
 * refused as the request role, with the role and the reason named, and in enforce mode the
 * service's check throws.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class RuntimeRolesTest {

    @ConfigProperty(name = "valora.db.url")
    String url;

    @Inject
    AgroalDataSource request;

    @Inject
    @DataSource(Databases.SYSTEM)
    AgroalDataSource system;

    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource owner;

    @Test
    void theConfiguredRolesPass() throws SQLException {
        try (Connection c = request.getConnection()) {
            DatabaseRole role = DatabaseRole.of(c);
            assertThat(role.name()).isEqualTo("valora_api");
            assertThat(RoleCheck.requestRoleProblems(role)).isEmpty();
            assertThat(RoleCheck.schemaProblems(TenantTables.withoutForcedSecurity(c))).isEmpty();
        }
        try (Connection c = system.getConnection()) {
            DatabaseRole role = DatabaseRole.of(c);
            assertThat(role.name()).isEqualTo("valora_worker");
            assertThat(RoleCheck.systemRoleProblems(role)).isEmpty();
            assertThat(RoleCheck.requestRoleProblems(role)).singleElement().asString()
                    .contains("\"valora_worker\"", "member of valora_system");
        }
        assertThat(new RuntimeRoles(request, system, url, "enforce").check()).isEmpty();
    }

    @Test
    void theOwnerSuperuserIsRefusedAsRequestRoleAndAsSystemRole() throws SQLException {
        try (Connection c = owner.getConnection()) {
            DatabaseRole role = DatabaseRole.of(c);
            assertThat(role.superuser()).isTrue();
            assertThat(String.join("\n", RoleCheck.requestRoleProblems(role)))
                    .contains("\"" + role.name() + "\" (valora.db.user / VALORA_DB_USER) is a superuser")
                    .contains("owns, or is a member of the owner of, the tenant tables");
            assertThat(String.join("\n", RoleCheck.systemRoleProblems(role))).contains("is a superuser");
        }
        assertThatThrownBy(() -> new RuntimeRoles(owner, system, url, "enforce").check())
                .isInstanceOf(UnsafeDatabaseRoleException.class)
                .hasMessageStartingWith("Refusing to start: the request database role")
                .hasMessageContaining("is a superuser");
        assertThatThrownBy(() -> new RuntimeRoles(request, owner, url, "enforce").check())
                .isInstanceOf(UnsafeDatabaseRoleException.class)
                .hasMessageContaining("the system database role");
        assertThat(new RuntimeRoles(owner, system, url, "warn").check()).isNotEmpty();
    }

    @Test
    void aBypassRlsRoleIsRefused() throws SQLException {
        createRole("rls_check_bypass", "LOGIN BYPASSRLS");
        assertThat(problemsAsRequestRole("rls_check_bypass")).singleElement().asString()
                .contains("\"rls_check_bypass\"", "has BYPASSRLS");
    }

    @Test
    void aMemberOfTheOwnerIsRefused() throws SQLException {
        String tableOwner = tableOwner();
        createRole("rls_check_owner_member", "LOGIN");
        grant(tableOwner, "rls_check_owner_member");
        assertThat(problemsAsRequestRole("rls_check_owner_member")).singleElement().asString()
                .contains("\"rls_check_owner_member\"", "owns, or is a member of the owner of, the tenant tables", "invoices");
    }

    @Test
    void aMemberOfTheSystemGroupIsRefusedAsRequestRole() throws SQLException {
        createRole("rls_check_system_member", "LOGIN");
        grant(DatabaseRole.SYSTEM_GROUP, "rls_check_system_member");
        assertThat(problemsAsRequestRole("rls_check_system_member")).singleElement().asString()
                .contains("\"rls_check_system_member\"", "member of valora_system");
    }

    @Test
    void anOrdinaryTenantMemberPasses() throws SQLException {
        createRole("rls_check_tenant_member", "LOGIN");
        grant("valora_tenant", "rls_check_tenant_member");
        assertThat(problemsAsRequestRole("rls_check_tenant_member")).isEmpty();
    }

    private List<String> problemsAsRequestRole(String role) throws SQLException {
        // The embedded server trusts local connections: no password needed.
        try (Connection c = DriverManager.getConnection(url, role, "")) {
            return RoleCheck.requestRoleProblems(DatabaseRole.of(c));
        }
    }

    private void createRole(String name, String options) throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name + "') THEN "
                    + "CREATE ROLE " + name + " " + options + "; END IF; END $$");
        }
    }

    private void grant(String group, String member) throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            st.execute("GRANT \"" + group + "\" TO " + member);
        }
    }

    private String tableOwner() throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'invoices' AND schemaname = current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
