package io.valora.invoice.subscriptions;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlArgs;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code subscriptions} table, always filtered by tenant, in the caller's (tenant-scoped)
 * transaction.
 *
 * <p>Why it exists: {@link SubscriptionService} pairs each write with its outbox record; this class
 * is the SQL only.
 */
@ApplicationScoped
public class SubscriptionStore {

    private static final String UNIQUE_VIOLATION = "23505";

    /** Status at a given instant ({@code ?}), as SQL: the same rule as {@link StoredSubscription#status}. */
    private static final String STATUS = "(CASE WHEN end_at IS NOT NULL AND end_at <= ? THEN 'cancelled' "
            + "WHEN end_at IS NOT NULL THEN 'scheduled_cancel' "
            + "WHEN trial_end_at IS NOT NULL AND ? < trial_end_at THEN 'trialing' ELSE 'active' END)";

    private final AgroalDataSource dataSource;

    SubscriptionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the subscription and its place in the scheduler's work list (the end of its first period).
     *
     * @throws SubscriptionExistsException when the tenant has one with this external id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredSubscription s, Instant nextPeriodEnd) {
        String sql = "INSERT INTO subscriptions (tenant, id, external_id, customer, time_zone, cadence, anchor, start_at, "
                + "end_at, trial_end_at, phases, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, s.tenant());
            ps.setString(2, s.id());
            ps.setString(3, s.externalId().orElse(null));
            ps.setString(4, s.customer());
            ps.setString(5, s.timeZone().getId());
            ps.setString(6, s.cadence().name());
            ps.setString(7, s.anchor().toString());
            SqlTime.set(ps, 8, s.startAt());
            setNullable(ps, 9, s.endAt());
            setNullable(ps, 10, s.trialEndAt());
            ps.setString(11, PhasesJson.write(s.phases()));
            SqlTime.set(ps, 12, s.createdAt());
            SqlTime.set(ps, 13, s.updatedAt());
            ps.executeUpdate();
            try (PreparedStatement schedule = c.prepareStatement(
                    "INSERT INTO subscription_schedule (tenant, id, next_period_end) VALUES (?, ?, ?)")) {
                schedule.setString(1, s.tenant());
                schedule.setString(2, s.id());
                SqlTime.set(schedule, 3, nextPeriodEnd);
                schedule.executeUpdate();
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new SubscriptionExistsException(s.externalId().orElse(s.id()));
            }
            throw new IllegalStateException("Could not store the subscription: " + e.getMessage(), e);
        }
    }

    /** Writes the phases, end and update time of {@code s}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(StoredSubscription s) {
        String sql = "UPDATE subscriptions SET phases = ?::jsonb, end_at = ?, updated_at = ? WHERE tenant = ? AND id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, PhasesJson.write(s.phases()));
            setNullable(ps, 2, s.endAt());
            SqlTime.set(ps, 3, s.updatedAt());
            ps.setString(4, s.tenant());
            ps.setString(5, s.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the subscription: " + e.getMessage(), e);
        }
    }

    /** The tenant's subscription with this id, row-locked until commit when {@code forUpdate}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredSubscription> find(String tenant, String id, boolean forUpdate) {
        return query(SubscriptionReads.COLUMNS + "WHERE tenant = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                new ArrayList<>(List.of(tenant, id))).stream().findFirst();
    }

    /** A page of the tenant's subscriptions by (created at, id), optionally of one customer and status at {@code now}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredSubscription> list(String tenant, Optional<String> customer, Optional<SubscriptionStatus> status,
                                         Instant now, Optional<PagePosition> after, int limit) {
        StringBuilder sql = new StringBuilder(SubscriptionReads.COLUMNS).append("WHERE tenant = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        customer.ifPresent(value -> {
            sql.append(" AND customer = ?");
            args.add(value);
        });
        status.ifPresent(value -> {
            sql.append(" AND ").append(STATUS).append(" = ?");
            args.add(now);
            args.add(now);
            args.add(value.code());
        });
        sql.append(PagePosition.keysetPage("created_at", "id", after, limit, args));
        return query(sql.toString(), args);
    }

    private List<StoredSubscription> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlArgs.bind(ps, args);
            return SubscriptionReads.all(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read subscriptions: " + e.getMessage(), e);
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            SqlTime.set(ps, index, value.get());
        } else {
            ps.setObject(index, null);
        }
    }
}
