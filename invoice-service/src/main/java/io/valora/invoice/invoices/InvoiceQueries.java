package io.valora.invoice.invoices;

import io.valora.billing.invoice.LineKind;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads invoices of one tenant.
 *
 * <p>Why it exists: every query here filters by the tenant the transaction's {@link TenantSession}
 * was entered for, so an id of another tenant's invoice is simply not found — the REST layer answers
 * 404; and row-level security backs the filter.
 */
@ApplicationScoped
public class InvoiceQueries {

    private static final String HEADER_COLUMNS = """
            SELECT id, tenant, subscription, customer, period_start, period_end, currency, status, subtotal_minor, total_minor,
                   number, finalized_at, paid_at, voided_at, payment_reference
            FROM invoices
            """;

    private static final String LINES = """
            SELECT invoice_id, id, kind, meter, description, quantity, unit_price, amount_minor
            FROM invoice_lines WHERE invoice_id = ANY (:ids) ORDER BY invoice_id, position
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

    InvoiceQueries(Jdbi jdbi, TenantSession session) {
        this.jdbi = jdbi;
        this.session = session;
    }

    /** The tenant's invoice with this id, with its lines. */
    @Transactional
    public Optional<StoredInvoice> find(String tenant, String id) {
        TenantScope scope = session.enter(tenant);
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

    /** A line with the invoice it belongs to, as the lines query returns it. */
    private record OwnedLine(String invoiceId, StoredLine line) {
    }
}
