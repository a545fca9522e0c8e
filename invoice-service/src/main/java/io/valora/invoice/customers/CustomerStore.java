package io.valora.invoice.customers;

import io.agroal.api.AgroalDataSource;
import io.valora.invoice.db.SqlArgs;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.paging.PagePosition;
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
 * The {@code customers} table, always filtered by tenant, in the caller's (tenant-scoped)
 * transaction.
 *
 * <p>Why it exists: {@link CustomerService} pairs each write with its outbox record; this class
 * is the SQL only.
 */
@ApplicationScoped
public class CustomerStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS =
            "SELECT tenant, external_id, name, time_zone, currency, created_at, updated_at FROM customers ";

    private final AgroalDataSource dataSource;

    CustomerStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the customer.
     *
     * @throws CustomerExistsException when the tenant has one with this external id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredCustomer customer) {
        String sql = "INSERT INTO customers (tenant, external_id, name, time_zone, currency, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customer.tenant());
            ps.setString(2, customer.externalId());
            ps.setString(3, customer.name().orElse(null));
            ps.setString(4, customer.timeZone());
            ps.setString(5, customer.currency());
            SqlTime.set(ps, 6, customer.createdAt());
            SqlTime.set(ps, 7, customer.updatedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new CustomerExistsException(customer.externalId());
            }
            throw new IllegalStateException("Could not store the customer: " + e.getMessage(), e);
        }
    }

    /** The tenant's customer with this external id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredCustomer> find(String tenant, String externalId) {
        return query(COLUMNS + "WHERE tenant = ? AND external_id = ?", List.of(tenant, externalId)).stream().findFirst();
    }

    /** A page of the tenant's customers ordered by (created at, external id), after {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredCustomer> list(String tenant, Optional<PagePosition> after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        String page = PagePosition.keysetPage("created_at", "external_id", after, limit, args);
        return query(COLUMNS + "WHERE tenant = ?" + page, args);
    }

    private List<StoredCustomer> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlArgs.bind(ps, args);
            List<StoredCustomer> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredCustomer(rs.getString("tenant"), rs.getString("external_id"),
                            Optional.ofNullable(rs.getString("name")), rs.getString("time_zone"),
                            rs.getString("currency"), SqlTime.get(rs, "created_at"), SqlTime.get(rs, "updated_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read customers: " + e.getMessage(), e);
        }
    }
}
