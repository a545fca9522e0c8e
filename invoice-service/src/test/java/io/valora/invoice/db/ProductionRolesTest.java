package io.valora.invoice.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.testing.postgres.EmbeddedPostgresServer;
import io.valora.testing.postgres.SharedEmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production role set-up exactly as the README documents it (its SQL is read from the README):
 * a non-superuser owner migrates a fresh database, and then the request and system login roles pass
 * the start-up check, the owner does not, and row-level security holds for the request role.
 */
class ProductionRolesTest {

    private static final String DUPLICATE_OBJECT = "42710";

    private static EmbeddedPostgresServer postgres;
    private static String suffix;
    private static String url;

    @BeforeAll
    static void createRolesAndMigrateAsTheOwner() throws Exception {
        postgres = SharedEmbeddedPostgres.acquire();
        suffix = "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement st = c.createStatement()) {
            for (String statement : documentedSql()) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    // valora_tenant and valora_system are cluster-wide: the other tests of this JVM made them already.
                    assertThat(e.getSQLState()).as(statement).isEqualTo(DUPLICATE_OBJECT);
                    assertThat(statement).containsAnyOf("ROLE valora_tenant ", "ROLE valora_system ");
                }
            }
        }
        url = postgres.jdbcUrl().replaceFirst("/postgres$", "/valora" + suffix);
        Flyway.configure().dataSource(url, "valora_owner" + suffix, "test").locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void release() {
        SharedEmbeddedPostgres.release();
    }

    @Test
    void theDocumentedRuntimeRolesPassAndTheOwnerIsRefused() throws SQLException {
        try (Connection c = connect("valora_api")) {
            assertThat(RoleCheck.requestRoleProblems(DatabaseRole.of(c))).isEmpty();
            assertThat(TenantTables.list(c)).hasSize(14);
            assertThat(TenantTables.withoutForcedSecurity(c)).isEmpty();
        }
        try (Connection c = connect("valora_worker")) {
            assertThat(RoleCheck.systemRoleProblems(DatabaseRole.of(c))).isEmpty();
        }
        try (Connection c = connect("valora_owner")) {
            DatabaseRole owner = DatabaseRole.of(c);
            assertThat(owner.superuser()).isFalse();
            assertThat(RoleCheck.requestRoleProblems(owner)).singleElement().asString()
                    .contains("\"valora_owner" + suffix + "\"", "owns, or is a member of the owner of, the tenant tables");
            assertThat(RoleCheck.systemRoleProblems(owner)).singleElement().asString().contains("owns");
        }
    }

    @Test
    void theOwnersRowIsSeenByTheSystemRoleAndByItsTenantOnlyOnTheRequestRole() throws SQLException {
        try (Connection c = connect("valora_owner"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO tenants (id, name, created_at) VALUES ('prod-a', 'A', now())");
        }
        try (Connection c = connect("valora_worker")) {
            assertThat(count(c, "SELECT count(*) FROM tenants WHERE id = 'prod-a'")).isEqualTo(1);
        }
        try (Connection c = connect("valora_api")) {
            assertThat(count(c, "SELECT count(*) FROM tenants")).as("without a tenant").isZero();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('app.tenant', 'prod-b', true)");
            }
            assertThat(count(c, "SELECT count(*) FROM tenants")).as("as another tenant").isZero();
            c.rollback();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT set_config('app.tenant', 'prod-a', true)");
            }
            assertThat(count(c, "SELECT count(*) FROM tenants")).as("as the tenant").isEqualTo(1);
            c.rollback();
        }
    }

    private static Connection connect(String role) throws SQLException {
        return DriverManager.getConnection(url, role + suffix, "test");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The statements of the README's production SQL block, with this run's role and database names. */
    private static List<String> documentedSql() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("**Production**");
        int start = readme.indexOf("```sql\n", section) + "```sql\n".length();
        String sql = readme.substring(start, readme.indexOf("```", start));
        List<String> statements = new ArrayList<>();
        for (String line : sql.split("\n")) {
            String code = line.replaceFirst("--.*$", "").strip();
            if (!code.isEmpty()) {
                statements.add(code.replace(";", "").replace("'…'", "'test'")
                        .replaceAll("\\b(valora_owner|valora_api|valora_worker|valora)\\b", "$1" + suffix));
            }
        }
        assertThat(statements).as("statements of the README's production SQL").hasSizeGreaterThanOrEqualTo(7);
        return statements;
    }
}
