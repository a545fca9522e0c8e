package io.valora.invoice.customers;

import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code customers} table, always filtered by the tenant, in the caller's (tenant-scoped)
 * transaction.
 *
 * <p>Why it exists: {@link CustomerService} pairs each write with its outbox record; this class
 * is the SQL only.
 */
@ApplicationScoped
public class CustomerStore {

    private static final String COLUMNS =
            "SELECT tenant, external_id, name, time_zone, currency, created_at, updated_at FROM customers ";

    private static final RowMapper<StoredCustomer> ROW = (rs, ctx) -> new StoredCustomer(rs.getString("tenant"),
            rs.getString("external_id"), Optional.ofNullable(rs.getString("name")), rs.getString("time_zone"),
            rs.getString("currency"), SqlTime.get(rs, "created_at"), SqlTime.get(rs, "updated_at"));

    private final Jdbi jdbi;

    CustomerStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts the customer.
     *
     * @throws CustomerExistsException when the tenant has one with this external id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredCustomer customer) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO customers (tenant, external_id, name, time_zone, currency, "
                            + "created_at, updated_at) VALUES (:tenant, :externalId, :name, :timeZone, :currency, "
                            + ":createdAt, :updatedAt)")
                    .bind("tenant", customer.tenant()).bind("externalId", customer.externalId())
                    .bind("name", customer.name().orElse(null)).bind("timeZone", customer.timeZone())
                    .bind("currency", customer.currency()).bind("createdAt", customer.createdAt())
                    .bind("updatedAt", customer.updatedAt())
                    .execute());
        } catch (JdbiException e) {
            if (Jdbis.isUniqueViolation(e)) {
                throw new CustomerExistsException(customer.externalId());
            }
            throw e;
        }
    }

    /** The tenant's customer with this external id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredCustomer> find(TenantScope tenant, String externalId) {
        return query(COLUMNS + "WHERE tenant = ? AND external_id = ?", List.of(tenant.id(), externalId)).stream().findFirst();
    }

    /** A page of the tenant's customers ordered by (created at, external id), after {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredCustomer> list(TenantScope tenant, Optional<PagePosition> after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant.id()));
        String page = PagePosition.keysetPage("created_at", "external_id", after, limit, args);
        return query(COLUMNS + "WHERE tenant = ?" + page, args);
    }

    private List<StoredCustomer> query(String sql, List<Object> args) {
        return jdbi.withHandle(h -> Jdbis.positional(h, sql, args).map(ROW).list());
    }
}
