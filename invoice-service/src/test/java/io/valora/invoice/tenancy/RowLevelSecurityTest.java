package io.valora.invoice.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.db.TenantTables;
import io.valora.invoice.support.InvoiceDatabaseTestResource;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import jakarta.inject.Inject;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Row-level security is the wall between tenants on every tenant table: on the request role, in
 * tenant B's session, tenant A's rows cannot be seen, changed, deleted or written — also by
 * statements without any tenant filter — and without a session nothing is visible at all; the
 * system role sees both tenants. The list of tables comes from the database, so a new tenant
 * table without row-level security fails here.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(InvoiceDatabaseTestResource.class)
class RowLevelSecurityTest {

    private static final String A = "rls-a";
    private static final String B = "rls-b";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** The request role (what every REST request runs on). */
    @Inject
    AgroalDataSource request;

    @Inject
    @DataSource(Databases.SYSTEM)
    AgroalDataSource system;

    /** The tables' owner: seeds the rows and checks they survived. */
    @Inject
    @DataSource(Databases.OWNER)
    AgroalDataSource owner;

    @Inject
    TenantSession session;

    @Inject
    UserTransaction transaction;

    @BeforeEach
    void rowsOfTwoTenantsInEveryTable() throws SQLException {
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            for (String tenant : List.of(A, B)) {
                for (BiFunction<String, String, String> insert : TenantRows.inserts().values()) {
                    st.execute(insert.apply(tenant, "row") + " ON CONFLICT DO NOTHING");
                }
            }
        }
    }

    @Test
    void everyTenantTableIsCoveredAndForcesRowLevelSecurityWithBothPolicies() throws SQLException {
        try (Connection c = owner.getConnection()) {
            List<String> tables = TenantTables.list(c);
            assertThat(tables).as("tenant tables in the schema; each needs a row in TenantRows")
                    .containsExactlyInAnyOrderElementsOf(TenantRows.inserts().keySet());
            assertThat(TenantTables.withoutForcedSecurity(c)).isEmpty();
            for (String table : tables) {
                assertThat(policies(c, table)).as("policies of %s", table)
                        .contains("tenant_isolation", "system_access");
            }
        }
    }

    @Test
    void inAnotherTenantsSessionNoRowOfATenantIsVisibleEvenWithoutAFilter() {
        for (String table : TenantRows.inserts().keySet()) {
            String column = TenantRows.tenantColumn(table);
            Probe foreign = inSession(B, "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + A + "'", true);
            Probe all = inSession(B, "SELECT count(*) FROM " + table, true);
            Probe tenants = inSession(B, "SELECT count(DISTINCT " + column + ") FROM " + table
                    + " WHERE " + column + " IN ('" + A + "', '" + B + "')", true);
            if (foreign.refused()) {
                // Not readable at all by a tenant session (e.g. the outbox, which requests only append to).
                assertThat(all.refused()).as("%s refused for one query, not the other", table).isTrue();
                continue;
            }
            assertThat(foreign.rows()).as("%s: rows of %s in %s's session", table, A, B).isZero();
            assertThat(all.rows()).as("%s: all rows in %s's session (its own)", table, B).isEqualTo(ownerCount(table, B));
            assertThat(tenants.rows()).as("%s: tenants visible in %s's session", table, B).isEqualTo(1);
        }
    }

    @Test
    void inAnotherTenantsSessionNoRowOfATenantCanBeChangedOrDeleted() {
        for (String table : TenantRows.inserts().keySet()) {
            String column = TenantRows.tenantColumn(table);
            long before = ownerCount(table, A);
            assertThat(before).as("%s rows of %s", table, A).isPositive();

            Probe update = inSession(B, "UPDATE " + table + " SET " + column + " = " + column, false);
            assertThat(update.refused() || update.rows() == ownerCount(table, B))
                    .as("%s: an unfiltered UPDATE in %s's session touched only its own rows (%s)", table, B, update).isTrue();
            Probe delete = inSession(B, "DELETE FROM " + table + " WHERE " + column + " = '" + A + "'", false);
            assertThat(delete.refused() || delete.rows() == 0).as("%s: DELETE of %s's rows (%s)", table, A, delete).isTrue();
            Probe deleteAll = inSession(B, "DELETE FROM " + table, false);
            assertThat(deleteAll.refused() || deleteAll.rows() == ownerCount(table, B))
                    .as("%s: an unfiltered DELETE in %s's session touched only its own rows (%s)", table, B, deleteAll).isTrue();
            Probe move = inSession(B, "UPDATE " + table + " SET " + column + " = '" + A + "' WHERE " + column + " = '" + B + "'", false);
            assertThat(move.refused() || move.rows() == 0).as("%s: moving %s's rows to %s (%s)", table, B, A, move).isTrue();

            assertThat(ownerCount(table, A)).as("%s rows of %s afterwards", table, A).isEqualTo(before);
        }
    }

    @Test
    void inAnotherTenantsSessionNoRowCanBeWrittenForATenant() {
        for (Map.Entry<String, BiFunction<String, String, String>> insert : TenantRows.inserts().entrySet()) {
            Probe written = inSession(B, insert.getValue().apply(A, "intruder"), false);
            assertThat(written.refused()).as("%s: INSERT of a row of %s in %s's session (%s)", insert.getKey(), A, B, written)
                    .isTrue();
        }
    }

    @Test
    void withoutATenantSessionTheRequestRoleSeesNoRowAtAll() {
        for (String table : TenantRows.inserts().keySet()) {
            Probe all = rolledBack(() -> run(request, "SELECT count(*) FROM " + table, true));
            assertThat(all.refused() || all.rows() == 0).as("%s without a session (%s)", table, all).isTrue();
        }
    }

    @Test
    void theSystemRoleSeesEveryTenantsRows() {
        for (String table : TenantRows.inserts().keySet()) {
            String column = TenantRows.tenantColumn(table);
            Probe tenants = QuarkusTransaction.requiringNew().call(() -> run(system, "SELECT count(DISTINCT " + column + ") FROM "
                    + table + " WHERE " + column + " IN ('" + A + "', '" + B + "')", true));
            assertThat(tenants.rows()).as("%s: tenants visible to the system role (%s)", table, tenants).isEqualTo(2);
        }
    }

    /** Runs {@code sql} on the request role in {@code tenant}'s session, in a transaction that is rolled back. */
    private Probe inSession(String tenant, String sql, boolean query) {
        return rolledBack(() -> {
            session.enter(tenant);
            return run(request, sql, query);
        });
    }

    /** Runs {@code work} in a JTA transaction that is always rolled back, so no probe changes anything. */
    private Probe rolledBack(Supplier<Probe> work) {
        try {
            transaction.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException(e);
        }
        try {
            return work.get();
        } finally {
            try {
                transaction.rollback();
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Probe run(AgroalDataSource dataSource, String sql, boolean query) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (!query) {
                return new Probe(ps.executeUpdate(), null);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Probe(rs.getLong(1), null);
            }
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as("refused for lack of privilege, not another error: %s (%s)", e.getMessage(), sql)
                    .isEqualTo(INSUFFICIENT_PRIVILEGE);
            return new Probe(-1, e.getMessage());
        }
    }

    private long ownerCount(String table, String tenant) {
        String sql = "SELECT count(*) FROM " + table + " WHERE " + TenantRows.tenantColumn(table) + " = ?";
        try (Connection c = owner.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<String> policies(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT policyname FROM pg_policies WHERE tablename = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }
    }

    /** What one statement did: rows counted or changed, or the refusal. */
    private record Probe(long rows, String refusal) {

        boolean refused() {
            return refusal != null;
        }
    }
}
