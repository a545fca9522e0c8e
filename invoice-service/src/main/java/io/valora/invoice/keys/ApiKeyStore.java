package io.valora.invoice.keys;

import io.agroal.api.AgroalDataSource;
import io.valora.auth.Scope;
import io.valora.invoice.db.SqlArgs;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code api_keys} table, always filtered by tenant, in the caller's transaction.
 *
 * <p>Why it exists: keys are written together with their outbox record by {@link ApiKeyService};
 * this class is the SQL only.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "SELECT id, tenant, key_hash, name, scopes, created_at, revoked_at FROM api_keys ";

    private final AgroalDataSource dataSource;

    ApiKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts a new key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredApiKey key) {
        String sql = "INSERT INTO api_keys (id, tenant, key_hash, name, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key.id());
            ps.setString(2, key.tenant());
            ps.setString(3, key.keyHash());
            ps.setString(4, key.name());
            ps.setArray(5, c.createArrayOf("text", key.scopes().stream().sorted().map(Scope::code).toArray()));
            SqlTime.set(ps, 6, key.createdAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the API key: " + e.getMessage(), e);
        }
    }

    /** Revokes the tenant's key; returns it as revoked, or empty when the tenant has no such key. Idempotent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredApiKey> revoke(String tenant, String id, Instant now) {
        String sql = "UPDATE api_keys SET revoked = TRUE, revoked_at = COALESCE(revoked_at, ?) WHERE tenant = ? AND id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlTime.set(ps, 1, now);
            ps.setString(2, tenant);
            ps.setString(3, id);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke the API key: " + e.getMessage(), e);
        }
        return find(tenant, id);
    }

    /** The tenant's key with this id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredApiKey> find(String tenant, String id) {
        List<StoredApiKey> found = query(COLUMNS + "WHERE tenant = ? AND id = ?", List.of(tenant, id));
        return found.stream().findFirst();
    }

    /** A page of the tenant's keys ordered by (created at, id), after {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredApiKey> list(String tenant, Optional<PagePosition> after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        String page = PagePosition.keysetPage("created_at", "id", after, limit, args);
        return query(COLUMNS + "WHERE tenant = ?" + page, args);
    }

    private List<StoredApiKey> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlArgs.bind(ps, args);
            List<StoredApiKey> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
                    keys.add(new StoredApiKey(rs.getString("id"), rs.getString("tenant"), rs.getString("key_hash"),
                            rs.getString("name"), scopes(rs.getArray("scopes")), SqlTime.get(rs, "created_at"),
                            Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant)));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read API keys: " + e.getMessage(), e);
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
