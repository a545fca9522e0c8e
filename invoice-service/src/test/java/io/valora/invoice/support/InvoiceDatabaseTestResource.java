package io.valora.invoice.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.valora.testing.postgres.EmbeddedPostgresServer;
import io.valora.testing.postgres.SharedEmbeddedPostgres;
import java.util.Map;

/**
 * Quarkus test resource: starts (or joins) the shared real PostgreSQL server and points the
 * service at it the way production is wired — its superuser only as the migration user (the
 * tables' owner); the request and system login roles are the configured ones, created at start-up
 * by the test profile ({@code valora.db.create-login-roles}).
 *
 * <p>Why it exists: test-support's resource sets the default datasource's user, which in this
 * service is the request role; running the tests as the superuser would hide every row-level
 * security mistake.
 */
public final class InvoiceDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgresServer server = SharedEmbeddedPostgres.acquire();
        return Map.of(
                "valora.db.url", server.jdbcUrl(),
                "valora.db.migration.user", server.user(),
                "valora.db.migration.password", server.password());
    }

    @Override
    public void stop() {
        SharedEmbeddedPostgres.release();
    }
}
