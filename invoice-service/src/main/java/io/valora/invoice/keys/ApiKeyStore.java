package io.valora.invoice.keys;

import io.valora.auth.Scope;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code api_keys} table, always filtered by the tenant, in the caller's transaction.
 *
 * <p>Why it exists: keys are written together with their outbox record by {@link ApiKeyService};
 * this class is the SQL only.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final String COLUMNS = "SELECT id, tenant, key_hash, name, scopes, created_at, revoked_at FROM api_keys ";

    private static final RowMapper<StoredApiKey> ROW = (rs, ctx) -> new StoredApiKey(rs.getString("id"),
            rs.getString("tenant"), rs.getString("key_hash"), rs.getString("name"), scopes(rs.getArray("scopes")),
            SqlTime.get(rs, "created_at"), SqlTime.find(rs, "revoked_at"));

    private final Jdbi jdbi;

    ApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The store on a connection the caller holds: the key lookup's, on the system role. */
    public static ApiKeyStore on(Connection connection) {
        return new ApiKeyStore(Jdbis.on(connection));
    }

    /**
     * The key that is not revoked with this hash, of whichever tenant: the lookup that authenticates
     * a request before its tenant is known (only on the system role, which sees every tenant's keys).
     */
    public Optional<StoredApiKey> activeByHash(String keyHash) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + "WHERE key_hash = :hash AND NOT revoked")
                .bind("hash", keyHash).map(ROW).findOne());
    }

    /** Inserts a new key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredApiKey key) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, tenant, key_hash, name, scopes, created_at) "
                        + "VALUES (:id, :tenant, :keyHash, :name, :scopes, :createdAt)")
                .bind("id", key.id()).bind("tenant", key.tenant()).bind("keyHash", key.keyHash()).bind("name", key.name())
                .bind("scopes", SqlArrays.of("text", key.scopes().stream().sorted().map(Scope::code).toList()))
                .bind("createdAt", key.createdAt())
                .execute());
    }

    /** Revokes the tenant's key; returns it as revoked, or empty when the tenant has no such key. Idempotent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredApiKey> revoke(TenantScope tenant, String id, Instant now) {
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET revoked = TRUE, "
                        + "revoked_at = COALESCE(revoked_at, :now) WHERE tenant = :tenant AND id = :id")
                .bind("now", now).bind("tenant", tenant.id()).bind("id", id)
                .execute());
        return updated == 0 ? Optional.empty() : find(tenant, id);
    }

    /** The tenant's key with this id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredApiKey> find(TenantScope tenant, String id) {
        return query(COLUMNS + "WHERE tenant = ? AND id = ?", List.of(tenant.id(), id)).stream().findFirst();
    }

    /** A page of the tenant's keys ordered by (created at, id), after {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredApiKey> list(TenantScope tenant, Optional<PagePosition> after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant.id()));
        String page = PagePosition.keysetPage("created_at", "id", after, limit, args);
        return query(COLUMNS + "WHERE tenant = ?" + page, args);
    }

    private List<StoredApiKey> query(String sql, List<Object> args) {
        return jdbi.withHandle(h -> Jdbis.positional(h, sql, args).map(ROW).list());
    }

    private static Set<Scope> scopes(Array array) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Object code : (Object[]) array.getArray()) {
            Scope.ofCode((String) code).ifPresent(scopes::add);
        }
        return scopes;
    }
}
