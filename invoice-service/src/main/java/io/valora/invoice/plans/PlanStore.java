package io.valora.invoice.plans;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlTime;
import io.valora.schemas.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code plans} table: one row per version, always filtered by tenant, in the caller's
 * (tenant-scoped) transaction. Rows are only ever inserted.
 *
 * <p>Why it exists: {@link PlanService} pairs each new version with its outbox record; this class
 * is the SQL only.
 */
@ApplicationScoped
public class PlanStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;

    PlanStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts a version.
     *
     * @throws PlanExistsException when this version exists already (a concurrent edit or create)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Plan plan) {
        String sql = "INSERT INTO plans (tenant, plan_key, version, currency, cadence, record, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, plan.getTenant());
            ps.setString(2, plan.getKey());
            ps.setInt(3, plan.getVersion());
            ps.setString(4, plan.getCurrency());
            ps.setString(5, plan.getCadence());
            ps.setBytes(6, PlanRecords.encode(plan));
            SqlTime.set(ps, 7, plan.getCreatedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new PlanExistsException(plan.getKey());
            }
            throw new IllegalStateException("Could not store the plan: " + e.getMessage(), e);
        }
    }

    /**
     * The latest version of the tenant's plan. Not locked (the tenant role may not update plans):
     * two concurrent edits compute the same next version and the second insert fails on the key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Plan> latest(String tenant, String key) {
        return query("SELECT record FROM plans WHERE tenant = ? AND plan_key = ? ORDER BY version DESC LIMIT 1",
                tenant, key).stream().findFirst();
    }

    /** One version of the tenant's plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Plan> version(String tenant, String key, int version) {
        return query("SELECT record FROM plans WHERE tenant = ? AND plan_key = ? AND version = ?", tenant, key, version)
                .stream().findFirst();
    }

    /** The latest version of each of the tenant's plans, ordered by key, after {@code afterKey}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Plan> listLatest(String tenant, Optional<String> afterKey, int limit) {
        String sql = "SELECT DISTINCT ON (plan_key) record FROM plans WHERE tenant = ? AND plan_key > ? "
                + "ORDER BY plan_key, version DESC LIMIT " + limit;
        return query(sql, tenant, afterKey.orElse(""));
    }

    /** Every version of the tenant's plans whose key is in {@code keys}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Plan> versionsOf(String tenant, List<String> keys) {
        try (Connection c = dataSource.getConnection()) {
            return PlanReads.versionsOf(c, tenant, keys);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read plans: " + e.getMessage(), e);
        }
    }

    private List<Plan> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Plan> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(PlanRecords.decode(rs.getBytes(1)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read plans: " + e.getMessage(), e);
        }
    }
}
