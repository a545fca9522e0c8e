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
import io.valora.service.auth.ApiKeyRequest;
import io.valora.service.auth.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

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

    private static final String LOOKUP = "SELECT id, tenant, scopes FROM api_keys WHERE key_hash = ? AND NOT revoked";

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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, KeyHash.of(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return CallerIdentity.of(new Caller(rs.getString("tenant"), scopes(rs.getArray("scopes")), rs.getString("id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the API key: " + e.getMessage(), e);
        }
    }

    private static Set<String> scopes(Array array) throws SQLException {
        Set<String> scopes = new HashSet<>();
        for (Object code : (Object[]) array.getArray()) {
            // Only known scope codes become roles: no stored value can grant the operator role.
            Scope.ofCode((String) code).map(Scope::code).ifPresent(scopes::add);
        }
        return scopes;
    }
}
