package io.valora.invoice.invoices;

import io.valora.invoice.paging.PagePosition;
import io.agroal.api.AgroalDataSource;
import io.valora.billing.invoice.LineKind;
import io.valora.invoice.db.SqlArgs;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantSession;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads invoices of one tenant.
 *
 * <p>Why it exists: every query here takes the tenant as its first argument and filters by it,
 * so an id of another tenant's invoice is simply not found — the REST layer answers 404; and the
 * transaction runs in the tenant's {@link TenantSession}, so row-level security backs the filter.
 */
@ApplicationScoped
public class InvoiceQueries {

    private static final String HEADER_COLUMNS = """
            SELECT id, tenant, subscription, customer, period_start, period_end, currency, status, subtotal_minor, total_minor,
                   number, finalized_at, paid_at, voided_at, payment_reference
            FROM invoices
            """;

    private final AgroalDataSource dataSource;
    private final TenantSession session;

    InvoiceQueries(AgroalDataSource dataSource, TenantSession session) {
        this.dataSource = dataSource;
        this.session = session;
    }

    /** The tenant's invoice with this id, with its lines. */
    @Transactional
    public Optional<StoredInvoice> find(String tenant, String id) {
        session.enter(tenant);
        List<StoredInvoice> found = query(HEADER_COLUMNS + " WHERE tenant = ? AND id = ?", List.of(tenant, id));
        return found.stream().findFirst();
    }

    /** The tenant's invoices with these ids, with their lines, ordered by period start and id. */
    @Transactional
    public List<StoredInvoice> findAll(String tenant, List<String> ids) {
        session.enter(tenant);
        if (ids.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(HEADER_COLUMNS
                + " WHERE tenant = ? AND id = ANY (?) ORDER BY period_start, id")) {
            ps.setString(1, tenant);
            ps.setArray(2, c.createArrayOf("text", ids.toArray()));
            Map<String, StoredInvoice> invoices = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredInvoice header = header(rs);
                    invoices.put(header.id(), header);
                }
            }
            return withLines(c, invoices);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read invoices: " + e.getMessage(), e);
        }
    }

    /**
     * A page of the tenant's invoices ordered by (period start, id), as filtered, starting after
     * {@code after}.
     */
    @Transactional
    public List<StoredInvoice> list(String tenant, InvoiceFilter filter, Optional<PagePosition> after, int limit) {
        session.enter(tenant);
        StringBuilder sql = new StringBuilder(HEADER_COLUMNS).append(" WHERE tenant = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlArgs.bind(ps, args);
            Map<String, StoredInvoice> invoices = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredInvoice header = header(rs);
                    invoices.put(header.id(), header);
                }
            }
            return withLines(c, invoices);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read invoices: " + e.getMessage(), e);
        }
    }

    private static StoredInvoice header(ResultSet rs) throws SQLException {
        InvoiceKey key = new InvoiceKey(rs.getString("tenant"), rs.getString("subscription"), rs.getString("customer"),
                SqlTime.get(rs, "period_start"));
        StoredInvoice.Header header = new StoredInvoice.Header(SqlTime.get(rs, "period_end"),
                rs.getString("currency"), InvoiceStatus.ofCode(rs.getString("status")),
                rs.getLong("subtotal_minor"), rs.getLong("total_minor"));
        StoredInvoice.Lifecycle lifecycle = new StoredInvoice.Lifecycle(rs.getLong("number"),
                optionalTime(rs, "finalized_at"), optionalTime(rs, "paid_at"), optionalTime(rs, "voided_at"),
                Optional.ofNullable(rs.getString("payment_reference")));
        return new StoredInvoice(rs.getString("id"), key, header, lifecycle, List.of());
    }

    private static Optional<Instant> optionalTime(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static List<StoredInvoice> withLines(Connection c, Map<String, StoredInvoice> invoices) throws SQLException {
        if (invoices.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredLine>> lines = new LinkedHashMap<>();
        String sql = """
                SELECT invoice_id, id, kind, meter, description, quantity, unit_price, amount_minor
                FROM invoice_lines WHERE invoice_id = ANY (?) ORDER BY invoice_id, position
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array ids = c.createArrayOf("text", invoices.keySet().toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getString("invoice_id"), k -> new ArrayList<>()).add(new StoredLine(
                            rs.getString("id"), LineKind.valueOf(rs.getString("kind")), rs.getString("meter"),
                            rs.getString("description"), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("unit_price"), rs.getLong("amount_minor")));
                }
            }
        }
        return invoices.values().stream()
                .map(i -> i.withLines(lines.getOrDefault(i.id(), List.of())))
                .toList();
    }
}
