package io.valora.invoice.tenancy;

import static io.valora.invoice.support.Charges.charge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.valora.auth.Scope;
import io.valora.invoice.close.PeriodCloser;
import io.valora.invoice.keys.ApiKeyService;
import io.valora.invoice.support.RatedChargeTopic;
import io.valora.invoice.support.TestClock;
import io.valora.testing.kafka.KafkaBrokerTestResource;
import io.valora.testing.postgres.EmbeddedPostgresTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second wall: in a tenant's database session, queries without any tenant filter see and
 * touch only that tenant's rows.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, initArgs = @ResourceArg(name = "topics", value = "rated-charges,dead-letters"))
@WithTestResource(EmbeddedPostgresTestResource.class)
class RowLevelSecurityTest {

    private static final String PERIOD = "2026-08-01T00:00:00Z";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource db;

    @Inject
    TenantSession session;

    @Inject
    TenantStore tenants;

    @Inject
    ApiKeyService keys;

    @Inject
    PeriodCloser closer;

    @BeforeEach
    void twoTenantsWithData() {
        try (RatedChargeTopic topic = new RatedChargeTopic(bootstrapServers)) {
            topic.publish(charge("rls-a", "cust-a", "api-calls", PERIOD).setAmountMinor(100).build());
            topic.publish(charge("rls-b", "cust-b", "api-calls", PERIOD).setAmountMinor(200).build());
            topic.awaitConsumed();
        }
        for (String tenant : new String[] {"rls-a", "rls-b"}) {
            tenants.ensure(tenant, tenant, TestClock.NOW);
            closer.close(tenant, Instant.parse(PERIOD), Optional.empty());
            keys.create(tenant, "rls", EnumSet.of(Scope.READ));
        }
    }

    @Test
    void anUnscopedQueryInOneTenantsSessionSeesNothingOfAnothers() {
        for (String table : new String[] {"rated_charges", "invoices", "invoice_lines", "api_keys"}) {
            long foreignAsOwner = count("SELECT count(*) FROM " + table + " WHERE tenant = 'rls-b'");
            assertThat(foreignAsOwner).as("rows of rls-b in %s, as the owner", table).isPositive();

            long[] seen = QuarkusTransaction.requiringNew().call(() -> {
                session.enter("rls-a");
                return new long[] {count("SELECT count(*) FROM " + table),
                        count("SELECT count(*) FROM " + table + " WHERE tenant = 'rls-b'"),
                        count("SELECT count(DISTINCT tenant) FROM " + table)};
            });
            assertThat(seen[0]).as("all rows of %s in rls-a's session", table).isPositive();
            assertThat(seen[1]).as("rls-b's rows of %s in rls-a's session", table).isZero();
            assertThat(seen[2]).as("tenants visible in %s", table).isEqualTo(1);
        }
    }

    @Test
    void aTenantsSessionCannotWriteAnotherTenantsRows() {
        long updated = QuarkusTransaction.requiringNew().call(() -> {
            session.enter("rls-a");
            return update("UPDATE invoices SET total_minor = 0");
        });
        assertThat(updated).isEqualTo(count("SELECT count(*) FROM invoices WHERE tenant = 'rls-a'"));
        assertThat(count("SELECT min(total_minor) FROM invoices WHERE tenant = 'rls-b'")).isEqualTo(200);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            session.enter("rls-a");
            update("UPDATE invoices SET tenant = 'rls-b' WHERE tenant = 'rls-a'");
        })).hasMessageContaining("row-level security");
    }

    @Test
    void aSessionCannotSwitchTenant() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            session.enter("rls-a");
            session.enter("rls-b");
        })).isInstanceOf(IllegalStateException.class);
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private long update(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
