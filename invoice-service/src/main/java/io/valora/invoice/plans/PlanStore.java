package io.valora.invoice.plans;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.TenantScope;
import io.valora.schemas.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code plans} table: one row per version, always filtered by the tenant, in the caller's
 * (tenant-scoped) transaction. Rows are only ever inserted.
 *
 * <p>Why it exists: the one place that reads and writes plan versions, for the catalog
 * ({@link PlanService}, which pairs each new version with its outbox record) and the period close
 * (every version a chunk needs in one round trip, {@link #on(Connection)}). Inside the container every
 * method requires the caller's transaction.
 */
@ApplicationScoped
public class PlanStore {

    private static final RowMapper<Plan> RECORD = (rs, ctx) -> PlanRecords.decode(rs.getBytes("record"));

    private final Jdbi jdbi;

    PlanStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The store on a connection the caller holds in its transaction (the period close, its benchmark). */
    public static PlanStore on(Connection connection) {
        return new PlanStore(Jdbis.on(connection));
    }

    /**
     * Inserts a version.
     *
     * @throws PlanExistsException when this version exists already (a concurrent edit or create)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Plan plan) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO plans (tenant, plan_key, version, currency, cadence, record, "
                            + "created_at) VALUES (:tenant, :key, :version, :currency, :cadence, :record, :createdAt)")
                    .bind("tenant", plan.getTenant()).bind("key", plan.getKey()).bind("version", plan.getVersion())
                    .bind("currency", plan.getCurrency()).bind("cadence", plan.getCadence())
                    .bind("record", PlanRecords.encode(plan)).bind("createdAt", plan.getCreatedAt())
                    .execute());
        } catch (JdbiException e) {
            if (Jdbis.isUniqueViolation(e)) {
                throw new PlanExistsException(plan.getKey());
            }
            throw e;
        }
    }

    /**
     * The latest version of the tenant's plan. Not locked (the tenant role may not update plans):
     * two concurrent edits compute the same next version and the second insert fails on the key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Plan> latest(TenantScope tenant, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT record FROM plans WHERE tenant = :tenant AND plan_key = :key "
                        + "ORDER BY version DESC LIMIT 1")
                .bind("tenant", tenant.id()).bind("key", key).map(RECORD).findFirst());
    }

    /** One version of the tenant's plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Plan> version(TenantScope tenant, String key, int version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT record FROM plans WHERE tenant = :tenant AND plan_key = :key "
                        + "AND version = :version")
                .bind("tenant", tenant.id()).bind("key", key).bind("version", version).map(RECORD).findFirst());
    }

    /** The latest version of each of the tenant's plans, ordered by key, after {@code afterKey}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Plan> listLatest(TenantScope tenant, Optional<String> afterKey, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT ON (plan_key) record FROM plans WHERE tenant = :tenant "
                        + "AND plan_key > :afterKey ORDER BY plan_key, version DESC LIMIT :limit")
                .bind("tenant", tenant.id()).bind("afterKey", afterKey.orElse("")).bind("limit", limit).map(RECORD).list());
    }

    /** Every version of the tenant's plans whose key is in {@code keys}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Plan> versionsOf(TenantScope tenant, List<String> keys) {
        return jdbi.withHandle(h -> h.createQuery("SELECT record FROM plans WHERE tenant = :tenant AND plan_key = ANY (:keys)")
                .bind("tenant", tenant.id()).bindArray("keys", String.class, keys).map(RECORD).list());
    }
}
