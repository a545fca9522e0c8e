package io.valora.invoice.auth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.valora.auth.Caller;
import io.valora.auth.KeyHash;
import io.valora.auth.Scope;
import io.valora.invoice.db.Databases;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.keys.ApiKeyStore;
import io.valora.service.auth.ApiKeyRequest;
import io.valora.service.auth.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;

/**
 * A tenant's API key from the {@code api_keys} table, looked up by its hash (a revoked key stands
 * for nobody). invoice-service writes the keys, so it reads them where they are written, with no
 * lag; the gateway and rating-streams read the topic the outbox publishes them to.
 *
 * <p>The lookup runs before the tenant is known, so on the system role's datasource (which sees
 * every tenant's keys), and off the event loop. It reads one key by its hash, nothing else.
 */
@ApplicationScoped
public class DatabaseKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {

    private final AgroalDataSource dataSource;

    DatabaseKeyIdentityProvider(@DataSource(Databases.SYSTEM) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.key()));
    }

    /** Real keys before the development key. */
    @Override
    public int priority() {
        return SYSTEM_FIRST / 2;
    }

    private SecurityIdentity lookup(String key) {
        try (Connection c = dataSource.getConnection()) {
            // Only known scope codes become roles (the store drops others): no stored value can grant the operator role.
            return ApiKeyStore.on(c).activeByHash(KeyHash.of(key))
                    .map(k -> CallerIdentity.of(new Caller(k.tenant(),
                            k.scopes().stream().map(Scope::code).collect(Collectors.toSet()), k.id())))
                    .orElse(null);
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not look up the API key: " + Jdbis.reason(e), e);
        }
    }
}
