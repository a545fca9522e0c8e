package io.valora.testing.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: starts (or joins) the shared real PostgreSQL server before the
 * application boots and points the default datasource at it.
 *
 * <p>Sets {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username} and
 * {@code quarkus.datasource.password}; the server is released (and stopped by its last user) in
 * {@link #stop()}.
 */
public final class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgresServer server = SharedEmbeddedPostgres.acquire();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        SharedEmbeddedPostgres.release();
    }
}
