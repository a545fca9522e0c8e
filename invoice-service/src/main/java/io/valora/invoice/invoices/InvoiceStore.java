package io.valora.invoice.invoices;

import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineKind;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.outbox.OutboxMessage;
import io.valora.invoice.outbox.OutboxStore;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

// Over 300 lines on purpose: the one data-access class of the invoices aggregate (three tables, one lock order).
/**
 * The {@code invoices} aggregate (headers, {@code invoice_lines}, the {@code invoice_counters}
 * numbering lock): the tenant's reads, the period close's batched writes and the lifecycle's
 * state changes, in the caller's transaction.
 *
 * <p>Why it exists: every statement here filters by the tenant the transaction's
 * {@link TenantSession} was entered for, so an id of another tenant's invoice is simply not found —
 * the REST layer answers 404; and row-level security backs the filter. The reads by a bare tenant
 * string enter that session themselves; the close runs {@link #on(Connection)} on its own connection,
 * already in the tenant's session, and uses the {@link TenantScope} methods only.
 *
 * <p>Writing a batch costs a few round trips, not a few per invoice. A draft is recomputed in
 * place (same invoice id, same line ids); an invoice that is no longer a draft is left untouched.
 * The tenant's {@code invoice_counters} row is locked first and held until commit, then the batch's
 * existing invoices are read: anything a concurrent close created is visible by then, so two closes
 * of one period never make two invoices. New invoices take highest + 1, + 2, … in the drafts' order
 * — sequential and gapless — and each gets an {@code invoice.created} event in the outbox, in the
 * same transaction.
 */
@ApplicationScoped
public class InvoiceStore {

    private static final String HEADER_COLUMNS = """
            SELECT id, tenant, subscription, customer, period_start, period_end, currency, status, subtotal_minor, total_minor,
                   number, finalized_at, paid_at, voided_at, payment_reference
            FROM invoices
            """;

    private static final String LINES = """
            SELECT invoice_id, id, kind, meter, description, quantity, unit_price, amount_minor
            FROM invoice_lines WHERE invoice_id = ANY (:ids) ORDER BY invoice_id, position
            """;

    private static final String INSERT_HEADER = """
            INSERT INTO invoices (id, tenant, subscription, customer, period_start, period_end, currency, subtotal_minor,
                total_minor, charges_revision, created_at, updated_at, number, status)
            VALUES (:id, :tenant, :subscription, :customer, :periodStart, :periodEnd, :currency, :subtotal, :total,
                :revision, :now, :now, :number, 'draft')
            """;

    private static final String UPDATE_HEADER = """
            UPDATE invoices SET period_end = :periodEnd, currency = :currency, subtotal_minor = :subtotal,
                total_minor = :total, charges_revision = :revision, updated_at = :now
            WHERE id = :id AND status = 'draft'
            """;

    private static final String INSERT_LINE = """
            INSERT INTO invoice_lines (id, invoice_id, tenant, position, kind, meter, description, quantity,
                unit_price, amount_minor)
            VALUES (:id, :invoiceId, :tenant, :position, :kind, :meter, :description, :quantity, :unitPrice, :amount)
            """;

    private static final RowMapper<StoredInvoice> HEADER = (rs, ctx) -> {
        InvoiceKey key = new InvoiceKey(rs.getString("tenant"), rs.getString("subscription"), rs.getString("customer"),
                SqlTime.get(rs, "period_start"));
        StoredInvoice.Header header = new StoredInvoice.Header(SqlTime.get(rs, "period_end"),
                rs.getString("currency"), InvoiceStatus.ofCode(rs.getString("status")),
                rs.getLong("subtotal_minor"), rs.getLong("total_minor"));
        StoredInvoice.Lifecycle lifecycle = new StoredInvoice.Lifecycle(rs.getLong("number"),
                SqlTime.find(rs, "finalized_at"), SqlTime.find(rs, "paid_at"), SqlTime.find(rs, "voided_at"),
                Optional.ofNullable(rs.getString("payment_reference")));
        return new StoredInvoice(rs.getString("id"), key, header, lifecycle, List.of());
    };

    private final Jdbi jdbi;
    private final TenantSession session;

    InvoiceStore(Jdbi jdbi, TenantSession session) {
        this.jdbi = jdbi;
        this.session = session;
    }

    /**
     * The store on one connection the caller holds in a tenant's session (the period close and its
     * benchmark): only the {@link TenantScope} methods apply, the reads by tenant string need the container.
     */
    public static InvoiceStore on(Connection connection) {
        return new InvoiceStore(Jdbis.on(connection), null);
    }

    /** The tenant's invoice with this id, with its lines. */
    @Transactional
    public Optional<StoredInvoice> find(String tenant, String id) {
        return find(session.enter(tenant), id);
    }

    /** The invoice with this id, with its lines, in the tenant's session the caller entered. */
    public Optional<StoredInvoice> find(TenantScope scope, String id) {
        return query(HEADER_COLUMNS + " WHERE tenant = ? AND id = ?", List.of(scope.id(), id)).stream().findFirst();
    }

    /** The tenant's invoices with these ids, with their lines, ordered by period start and id. */
    @Transactional
    public List<StoredInvoice> findAll(String tenant, List<String> ids) {
        TenantScope scope = session.enter(tenant);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> withLines(h, h.createQuery(HEADER_COLUMNS
                        + " WHERE tenant = :tenant AND id = ANY (:ids) ORDER BY period_start, id")
                .bind("tenant", scope.id()).bind("ids", SqlArrays.of("text", ids))));
    }

    /**
     * A page of the tenant's invoices ordered by (period start, id), as filtered, starting after
     * {@code after}.
     */
    @Transactional
    public List<StoredInvoice> list(String tenant, InvoiceFilter filter, Optional<PagePosition> after, int limit) {
        TenantScope scope = session.enter(tenant);
        StringBuilder sql = new StringBuilder(HEADER_COLUMNS).append(" WHERE tenant = ?");
        List<Object> args = new ArrayList<>(List.of(scope.id()));
        filter.customer().ifPresent(value -> {
            sql.append(" AND customer = ?");
            args.add(value);
        });
        filter.status().ifPresent(value -> {
            sql.append(" AND status = ?");
            args.add(value.code());
        });
        filter.from().ifPresent(value -> {
            sql.append(" AND period_start >= ?");
            args.add(value);
        });
        filter.to().ifPresent(value -> {
            sql.append(" AND period_start < ?");
            args.add(value);
        });
        after.ifPresent(position -> {
            sql.append(" AND (period_start, id) > (?, ?)");
            args.add(position.periodStart());
            args.add(position.id());
        });
        sql.append(" ORDER BY period_start, id LIMIT ").append(limit);
        return query(sql.toString(), args);
    }

    private List<StoredInvoice> query(String sql, List<Object> args) {
        return jdbi.withHandle(h -> withLines(h, Jdbis.positional(h, sql, args)));
    }

    /** The invoices the query finds, each with its lines (one more round trip for all of them). */
    private static List<StoredInvoice> withLines(Handle h, Query headers) {
        Map<String, StoredInvoice> invoices = new LinkedHashMap<>();
        headers.map(HEADER).forEach(invoice -> invoices.put(invoice.id(), invoice));
        if (invoices.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredLine>> lines = new LinkedHashMap<>();
        h.createQuery(LINES).bind("ids", SqlArrays.of("text", invoices.keySet()))
                .map((rs, ctx) -> new OwnedLine(rs.getString("invoice_id"), new StoredLine(rs.getString("id"),
                        LineKind.valueOf(rs.getString("kind")), rs.getString("meter"), rs.getString("description"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getLong("amount_minor"))))
                .forEach(owned -> lines.computeIfAbsent(owned.invoiceId(), k -> new ArrayList<>()).add(owned.line()));
        return invoices.values().stream()
                .map(i -> i.withLines(lines.getOrDefault(i.id(), List.of())))
                .toList();
    }

    /**
     * Stores the drafts of one tenant (see the class comment).
     *
     * @param eventsTopic topic of the {@code invoice.created} events
     * @return per invoice id, what was done ({@link SaveOutcome#FROZEN} when no longer a draft)
     */
    public Map<String, SaveOutcome> write(TenantScope scope, List<InvoiceDraft> drafts, Instant now, String eventsTopic) {
        Map<String, SaveOutcome> outcomes = new LinkedHashMap<>();
        if (drafts.isEmpty()) {
            return outcomes;
        }
        jdbi.useHandle(h -> {
            long last = lockNumbering(h, scope);
            Map<String, String> statuses = statuses(h, drafts.stream().map(d -> d.key().id()).toList());
            List<InvoiceDraft> created = new ArrayList<>();
            List<InvoiceDraft> updated = new ArrayList<>();
            for (InvoiceDraft draft : drafts) {
                String id = draft.key().id();
                String status = statuses.get(id);
                if (outcomes.containsKey(id)) {
                    continue;
                }
                if (status == null) {
                    created.add(draft);
                    outcomes.put(id, SaveOutcome.CREATED);
                } else if (status.equals(InvoiceStatus.DRAFT.code())) {
                    updated.add(draft);
                    outcomes.put(id, SaveOutcome.UPDATED);
                } else {
                    outcomes.put(id, SaveOutcome.FROZEN);
                }
            }
            Map<String, Long> numbers = new HashMap<>();
            for (InvoiceDraft draft : created) {
                numbers.put(draft.key().id(), ++last);
            }
            insertHeaders(h, created, numbers, now);
            updateHeaders(h, updated, now);
            deleteLines(h, updated);
            List<InvoiceDraft> withLines = new ArrayList<>(created);
            withLines.addAll(updated);
            insertLines(h, withLines);
            new OutboxStore(jdbi).appendAll(created.stream()
                    .map(d -> createdEvent(d, numbers.get(d.key().id()), now, eventsTopic)).toList(), now);
        });
        return outcomes;
    }

    /** The status of the tenant's invoice with this id, its row locked until commit; empty when there is none. */
    public Optional<InvoiceStatus> lockStatus(TenantScope scope, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status FROM invoices WHERE tenant = :tenant AND id = :id FOR UPDATE")
                .bind("tenant", scope.id()).bind("id", id)
                .mapTo(String.class).findOne().map(InvoiceStatus::ofCode));
    }

    /**
     * Moves the invoice to {@code target} (a state after draft), records when in that state's
     * column ({@code finalized_at}, {@code paid_at}, {@code voided_at}) and, when present, the
     * payment reference. The caller checked the transition under {@link #lockStatus}.
     */
    public void changeStatus(TenantScope scope, String id, InvoiceStatus target, Optional<String> paymentReference,
                             Instant now) {
        String sql = "UPDATE invoices SET status = :status, " + timeColumn(target) + " = :now, updated_at = :now"
                + (paymentReference.isPresent() ? ", payment_reference = :reference" : "")
                + " WHERE tenant = :tenant AND id = :id";
        jdbi.useHandle(h -> {
            Update update = h.createUpdate(sql).bind("status", target.code()).bind("now", now)
                    .bind("tenant", scope.id()).bind("id", id);
            paymentReference.ifPresent(reference -> update.bind("reference", reference));
            update.execute();
        });
    }

    private static String timeColumn(InvoiceStatus target) {
        return switch (target) {
            case FINALIZED -> "finalized_at";
            case PAID -> "paid_at";
            case VOID -> "voided_at";
            case DRAFT -> throw new IllegalArgumentException("an invoice never becomes a draft again");
        };
    }

    /** What the tenant's invoice lines with these ids billed, by line id; ids without a line are left out. */
    public Map<String, BilledLine> billedLines(TenantScope scope, Collection<String> lineIds) {
        Map<String, BilledLine> billed = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, quantity, amount_minor FROM invoice_lines "
                        + "WHERE tenant = :tenant AND id = ANY (:ids)")
                .bind("tenant", scope.id()).bind("ids", SqlArrays.of("text", lineIds))
                .map((rs, ctx) -> Map.entry(rs.getString("id"),
                        new BilledLine(rs.getBigDecimal("quantity"), rs.getLong("amount_minor"))))
                .forEach(e -> billed.put(e.getKey(), e.getValue())));
        return billed;
    }

    /** The quantity and amount (currency minor units) one invoice line billed. */
    public record BilledLine(BigDecimal quantity, long amountMinor) {
    }

    /**
     * Drafts of every tenant whose period ended at or before {@code cutoff}, oldest first, at most
     * {@code limit}: a cross-tenant read, for a store on the system role's datasource.
     */
    public List<TenantInvoice> draftsEndedBy(Instant cutoff, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant, id FROM invoices WHERE status = 'draft' "
                        + "AND period_end <= :cutoff ORDER BY period_end, id LIMIT :limit")
                .bind("cutoff", cutoff).bind("limit", limit)
                .map((rs, ctx) -> new TenantInvoice(rs.getString("tenant"), rs.getString("id"))).list());
    }

    /** A tenant's invoice id, as the cross-tenant reads return it. */
    public record TenantInvoice(String tenant, String id) {
    }

    /**
     * Takes the tenant's numbering lock (its {@code invoice_counters} row, held until commit) and
     * returns the last number given: the highest of the tenant's invoices.
     */
    private static long lockNumbering(Handle h, TenantScope scope) {
        h.createUpdate("INSERT INTO invoice_counters (tenant) VALUES (:tenant) ON CONFLICT (tenant) DO NOTHING")
                .bind("tenant", scope.id()).execute();
        h.createQuery("SELECT 1 FROM invoice_counters WHERE tenant = :tenant FOR UPDATE")
                .bind("tenant", scope.id()).mapTo(Integer.class).list();
        return h.createQuery("SELECT coalesce(max(number), 0) FROM invoices WHERE tenant = :tenant")
                .bind("tenant", scope.id()).mapTo(Long.class).one();
    }

    private static Map<String, String> statuses(Handle h, List<String> ids) {
        Map<String, String> statuses = new HashMap<>();
        h.createQuery("SELECT id, status FROM invoices WHERE id = ANY (:ids) FOR UPDATE")
                .bind("ids", SqlArrays.of("text", ids))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("status")))
                .forEach(e -> statuses.put(e.getKey(), e.getValue()));
        return statuses;
    }

    private static void insertHeaders(Handle h, List<InvoiceDraft> drafts, Map<String, Long> numbers, Instant now) {
        if (drafts.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(INSERT_HEADER);
        for (InvoiceDraft draft : drafts) {
            InvoiceKey key = draft.key();
            bindTotals(batch, draft, now).bind("id", key.id()).bind("tenant", key.tenant())
                    .bind("subscription", key.subscription()).bind("customer", key.customer())
                    .bind("periodStart", key.periodStart()).bind("number", (long) numbers.get(key.id())).add();
        }
        batch.execute();
    }

    private static void updateHeaders(Handle h, List<InvoiceDraft> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(UPDATE_HEADER);
        for (InvoiceDraft draft : drafts) {
            bindTotals(batch, draft, now).bind("id", draft.key().id()).add();
        }
        batch.execute();
    }

    /** The columns a recomputed draft sets, on insert and on update alike. */
    private static PreparedBatch bindTotals(PreparedBatch batch, InvoiceDraft draft, Instant now) {
        return batch.bind("periodEnd", draft.periodEnd()).bind("currency", draft.currency().getCurrencyCode())
                .bind("subtotal", draft.invoice().subtotal().toMinorUnits())
                .bind("total", draft.invoice().total().toMinorUnits())
                .bind("revision", draft.chargesRevision()).bind("now", now);
    }

    private static void deleteLines(Handle h, List<InvoiceDraft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        h.createUpdate("DELETE FROM invoice_lines WHERE invoice_id = ANY (:ids)")
                .bind("ids", SqlArrays.of("text", drafts.stream().map(d -> d.key().id()).toList())).execute();
    }

    private static void insertLines(Handle h, List<InvoiceDraft> drafts) {
        PreparedBatch batch = h.prepareBatch(INSERT_LINE);
        for (InvoiceDraft draft : drafts) {
            int position = 0;
            for (DraftLine draftLine : draft.lines()) {
                InvoiceLine line = draftLine.line();
                batch.bind("id", line.id()).bind("invoiceId", draft.key().id()).bind("tenant", draft.key().tenant())
                        .bind("position", position++).bind("kind", line.kind().name())
                        .bind("meter", draftLine.meter()).bind("description", line.description())
                        .bind("quantity", line.quantity()).bind("unitPrice", draftLine.unitPrice())
                        .bind("amount", line.amount().toMinorUnits()).add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static OutboxMessage createdEvent(InvoiceDraft draft, long number, Instant now, String topic) {
        StoredInvoice invoice = new StoredInvoice(draft.key().id(), draft.key(),
                new StoredInvoice.Header(draft.periodEnd(), draft.currency().getCurrencyCode(), InvoiceStatus.DRAFT,
                        draft.invoice().subtotal().toMinorUnits(), draft.invoice().total().toMinorUnits()),
                new StoredInvoice.Lifecycle(number, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                List.of());
        return InvoiceEvents.message(topic, invoice, InvoiceEvents.CREATED, now);
    }

    /** A line with the invoice it belongs to, as the lines query returns it. */
    private record OwnedLine(String invoiceId, StoredLine line) {
    }
}
