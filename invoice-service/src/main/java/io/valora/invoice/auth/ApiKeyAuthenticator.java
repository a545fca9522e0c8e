package io.valora.invoice.auth;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who a presented API key stands for: the development key from configuration, or a
 * tenant's key from the {@code api_keys} table, looked up by its SHA-256 (a revoked key stands
 * for nobody).
 *
 * <p>Why it exists: the key text is never stored, so the lookup is by hash; it runs before the
 * tenant is known, on the service's own database role (row-level security does not apply).
 */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private static final String LOOKUP = "SELECT id, tenant, scopes FROM api_keys WHERE key_hash = ? AND NOT revoked";

    private final DevApiKey devKey;
    private final AgroalDataSource dataSource;

    ApiKeyAuthenticator(DevApiKey devKey, AgroalDataSource dataSource) {
        this.devKey = devKey;
        this.dataSource = dataSource;
    }

    /** The principal of this key, or empty when the key is unknown or revoked. */
    public Optional<Principal> authenticate(String presentedKey) {
        Optional<Principal> dev = devKey.principalFor(presentedKey);
        if (dev.isPresent() || presentedKey == null || presentedKey.isEmpty()) {
            return dev;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, Hashes.sha256Hex(presentedKey));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Principal(rs.getString("tenant"), scopes(rs.getArray("scopes")), rs.getString("id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the API key: " + e.getMessage(), e);
        }
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Object code : (Object[]) array.getArray()) {
            Scope.ofCode((String) code).ifPresent(scopes::add);
        }
        return scopes;
    }
}
