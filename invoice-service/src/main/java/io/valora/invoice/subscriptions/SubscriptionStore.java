package io.valora.invoice.subscriptions;

import io.valora.billing.period.Cadence;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The subscription aggregate: the {@code subscriptions} table and each subscription's place in the
 * scheduler's work list ({@code subscription_schedule}), always filtered by the tenant (but for the
 * scheduler's cross-tenant {@link #due} scan), in the caller's transaction.
 *
 * <p>Why it exists: the one place that reads and writes subscriptions, for the catalog
 * ({@link SubscriptionService}, which pairs each write with its outbox record) and the period close
 * (set-based reads of a whole chunk, on the close's connection through {@link #on(Connection)}).
 * Inside the container every method requires the caller's transaction.
 */
@ApplicationScoped
public class SubscriptionStore {

    /** Every column, for {@link #ROW}. */
    private static final String COLUMNS = "SELECT tenant, id, external_id, customer, time_zone, cadence, anchor, start_at, "
            + "end_at, trial_end_at, phases::text AS phases, created_at, updated_at FROM subscriptions ";

    /** Status at a given instant ({@code ?}), as SQL: the same rule as {@link StoredSubscription#status}. */
    private static final String STATUS = "(CASE WHEN end_at IS NOT NULL AND end_at <= ? THEN 'cancelled' "
            + "WHEN end_at IS NOT NULL THEN 'scheduled_cancel' "
            + "WHEN trial_end_at IS NOT NULL AND ? < trial_end_at THEN 'trialing' ELSE 'active' END)";

    private static final RowMapper<StoredSubscription> ROW = (rs, ctx) -> new StoredSubscription(rs.getString("tenant"),
            rs.getString("id"), Optional.ofNullable(rs.getString("external_id")), rs.getString("customer"),
            ZoneId.of(rs.getString("time_zone")), Cadence.valueOf(rs.getString("cadence")),
            LocalDateTime.parse(rs.getString("anchor")), SqlTime.get(rs, "start_at"), SqlTime.find(rs, "end_at"),
            SqlTime.find(rs, "trial_end_at"), PhasesJson.read(rs.getString("phases")), SqlTime.get(rs, "created_at"),
            SqlTime.get(rs, "updated_at"));

    private final Jdbi jdbi;

    SubscriptionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The store on a connection the caller holds in its transaction (the period close, its scans, the benchmark). */
    public static SubscriptionStore on(Connection connection) {
        return new SubscriptionStore(Jdbis.on(connection));
    }

    /**
     * Inserts the subscription and its place in the scheduler's work list (the end of its first period).
     *
     * @throws SubscriptionExistsException when the tenant has one with this external id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredSubscription s, Instant nextPeriodEnd) {
        try {
            jdbi.useHandle(h -> {
                h.createUpdate("INSERT INTO subscriptions (tenant, id, external_id, customer, time_zone, cadence, anchor, "
                                + "start_at, end_at, trial_end_at, phases, created_at, updated_at) VALUES (:tenant, :id, "
                                + ":externalId, :customer, :timeZone, :cadence, :anchor, :startAt, :endAt, :trialEndAt, "
                                + ":phases::jsonb, :createdAt, :updatedAt)")
                        .bind("tenant", s.tenant()).bind("id", s.id()).bind("externalId", s.externalId().orElse(null))
                        .bind("customer", s.customer()).bind("timeZone", s.timeZone().getId())
                        .bind("cadence", s.cadence().name()).bind("anchor", s.anchor().toString())
                        .bind("startAt", s.startAt()).bindByType("endAt", s.endAt().orElse(null), Instant.class)
                        .bindByType("trialEndAt", s.trialEndAt().orElse(null), Instant.class).bind("phases", PhasesJson.write(s.phases()))
                        .bind("createdAt", s.createdAt()).bind("updatedAt", s.updatedAt())
                        .execute();
                h.createUpdate("INSERT INTO subscription_schedule (tenant, id, next_period_end) VALUES (:tenant, :id, :next)")
                        .bind("tenant", s.tenant()).bind("id", s.id()).bind("next", nextPeriodEnd)
                        .execute();
            });
        } catch (JdbiException e) {
            if (Jdbis.isUniqueViolation(e)) {
                throw new SubscriptionExistsException(s.externalId().orElse(s.id()));
            }
            throw e;
        }
    }

    /** Writes the phases, end and update time of {@code s}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(StoredSubscription s) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE subscriptions SET phases = :phases::jsonb, end_at = :endAt, "
                        + "updated_at = :updatedAt WHERE tenant = :tenant AND id = :id")
                .bind("phases", PhasesJson.write(s.phases())).bindByType("endAt", s.endAt().orElse(null), Instant.class)
                .bind("updatedAt", s.updatedAt()).bind("tenant", s.tenant()).bind("id", s.id())
                .execute());
    }

    /** The tenant's subscription with this id, row-locked until commit when {@code forUpdate}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredSubscription> find(TenantScope tenant, String id, boolean forUpdate) {
        return query(COLUMNS + "WHERE tenant = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                List.of(tenant.id(), id)).stream().findFirst();
    }

    /** A page of the tenant's subscriptions by (created at, id), optionally of one customer and status at {@code now}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredSubscription> list(TenantScope tenant, Optional<String> customer, Optional<SubscriptionStatus> status,
                                         Instant now, Optional<PagePosition> after, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE tenant = ?");
        List<Object> args = new ArrayList<>(List.of(tenant.id()));
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

    /** The tenant's subscriptions with these ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredSubscription> byIds(TenantScope tenant, List<String> ids) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + "WHERE tenant = :tenant AND id = ANY (:ids)")
                .bind("tenant", tenant.id()).bind("ids", SqlArrays.of("text", ids)).map(ROW).list());
    }

    /**
     * The tenant's subscriptions that may have a period starting at {@code periodStart} (started
     * before it plus a year, not ended before it), optionally of one customer or one id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredSubscription> around(TenantScope tenant, Instant periodStart, Optional<String> customer,
                                           Optional<String> id) {
        List<Object> args = new ArrayList<>(List.of(tenant.id(), periodStart.plus(Duration.ofDays(367)), periodStart));
        customer.ifPresent(args::add);
        id.ifPresent(args::add);
        return query(COLUMNS + "WHERE tenant = ? AND start_at < ? AND (end_at IS NULL OR end_at > ?)"
                + (customer.isPresent() ? " AND customer = ?" : "") + (id.isPresent() ? " AND id = ?" : "") + " ORDER BY id",
                args);
    }

    /**
     * Up to {@code limit} subscriptions (any tenant) whose first unclosed period has ended by
     * {@code now} and either ended by {@code graceCutoff} or has only final charges: the scheduler's
     * work list, oldest period first. Cross-tenant: only on the system role's connection.
     */
    public List<DueSubscription> due(Instant now, Instant graceCutoff, int limit) {
        String sql = "SELECT s.tenant, s.id, external_id, customer, time_zone, cadence, anchor, start_at, end_at, trial_end_at, "
                + "phases::text AS phases, created_at, updated_at, d.next_period_end FROM subscription_schedule d "
                + "JOIN subscriptions s ON s.tenant = d.tenant AND s.id = d.id "
                + "WHERE d.next_period_end <= :now AND (d.next_period_end <= :graceCutoff OR NOT EXISTS (SELECT 1 "
                + "FROM rated_charges r WHERE r.tenant = d.tenant AND r.subscription = d.id "
                + "AND r.period_end = d.next_period_end AND NOT r.final)) "
                // A period that failed to close waits for its retry time (close_failures), so it cannot hold up the rest.
                + "AND NOT EXISTS (SELECT 1 FROM close_failures f WHERE f.tenant = d.tenant AND f.subscription = d.id "
                + "AND f.period_end = d.next_period_end AND f.retry_at > :now) "
                + "ORDER BY d.next_period_end, d.tenant, d.id LIMIT :limit";
        return jdbi.withHandle(h -> h.createQuery(sql).bind("now", now).bind("graceCutoff", graceCutoff).bind("limit", limit)
                .map((rs, ctx) -> new DueSubscription(ROW.map(rs, ctx), SqlTime.get(rs, "next_period_end"))).list());
    }

    /**
     * Moves each subscription's {@code next_period_end} past the period just closed: to the next
     * period's end, or to infinity once the subscription has ended (nothing more to close).
     */
    public void advance(List<DueSubscription> closed) {
        if (closed.isEmpty()) {
            return;
        }
        // One statement for the whole chunk: (tenant, id, closed period end, next end or null = ended).
        String sql = "UPDATE subscription_schedule s SET next_period_end = coalesce(u.next_end, 'infinity'::timestamptz) "
                + "FROM unnest(:tenants::text[], :ids::text[], :closedEnds::timestamptz[], :nextEnds::timestamptz[]) "
                + "AS u(tenant, id, closed_end, next_end) "
                + "WHERE s.tenant = u.tenant AND s.id = u.id AND s.next_period_end = u.closed_end";
        List<String> tenants = new ArrayList<>(closed.size());
        List<String> ids = new ArrayList<>(closed.size());
        List<Timestamp> closedEnds = new ArrayList<>(closed.size());
        List<Timestamp> nextEnds = new ArrayList<>(closed.size());
        for (DueSubscription due : closed) {
            StoredSubscription s = due.subscription();
            boolean ended = s.endAt().filter(end -> !end.isAfter(due.periodEnd())).isPresent();
            tenants.add(s.tenant());
            ids.add(s.id());
            closedEnds.add(Timestamp.from(due.periodEnd()));
            nextEnds.add(ended ? null : Timestamp.from(s.calendar().periodContaining(due.periodEnd()).end()));
        }
        jdbi.useHandle(h -> h.createUpdate(sql)
                .bind("tenants", SqlArrays.of("text", tenants)).bind("ids", SqlArrays.of("text", ids))
                .bind("closedEnds", SqlArrays.of("timestamptz", closedEnds))
                .bind("nextEnds", SqlArrays.of("timestamptz", nextEnds))
                .execute());
    }

    private List<StoredSubscription> query(String sql, List<Object> args) {
        return jdbi.withHandle(h -> Jdbis.positional(h, sql, args).map(ROW).list());
    }
}
