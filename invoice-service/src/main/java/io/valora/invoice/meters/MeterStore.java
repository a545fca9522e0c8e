package io.valora.invoice.meters;

import io.agroal.api.AgroalDataSource;
import io.valora.billing.aggregation.AggregationKind;
import io.valora.invoice.db.JsonColumns;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code meters} table, always filtered by tenant, in the caller's (tenant-scoped) transaction.
 *
 * <p>Why it exists: {@link MeterService} pairs each write with its outbox record; this class is
 * the SQL only.
 */
@ApplicationScoped
public class MeterStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "SELECT tenant, meter_key, name, event_type, aggregation, value_property, "
            + "group_by, filters::text AS filters, created_at FROM meters ";

    private final AgroalDataSource dataSource;

    MeterStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the meter.
     *
     * @throws MeterExistsException when the tenant has one with this key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredMeter meter) {
        String sql = "INSERT INTO meters (tenant, meter_key, name, event_type, aggregation, value_property, group_by, "
                + "created_at, filters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, meter.tenant());
            ps.setString(2, meter.key());
            ps.setString(3, meter.name().orElse(null));
            ps.setString(4, meter.eventType());
            ps.setString(5, meter.aggregationCode());
            ps.setString(6, meter.valueProperty().orElse(null));
            ps.setArray(7, c.createArrayOf("text", meter.groupBy().toArray()));
            SqlTime.set(ps, 8, meter.createdAt());
            ps.setString(9, JsonColumns.write(meter.filters()));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new MeterExistsException(meter.key());
            }
            throw new IllegalStateException("Could not store the meter: " + e.getMessage(), e);
        }
    }

    /** The tenant's meter with this key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredMeter> find(String tenant, String key) {
        return query(COLUMNS + "WHERE tenant = ? AND meter_key = ?", List.of(tenant, key)).stream().findFirst();
    }

    /** A page of the tenant's meters ordered by (created at, key), after {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredMeter> list(String tenant, Optional<PagePosition> after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant));
        String page = PagePosition.keysetPage("created_at", "meter_key", after, limit, args);
        return query(COLUMNS + "WHERE tenant = ?" + page, args);
    }

    private List<StoredMeter> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            SqlArgs.bind(ps, args);
            List<StoredMeter> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new StoredMeter(rs.getString("tenant"), rs.getString("meter_key"),
                            Optional.ofNullable(rs.getString("name")), rs.getString("event_type"),
                            AggregationKind.valueOf(rs.getString("aggregation").toUpperCase(Locale.ROOT)),
                            Optional.ofNullable(rs.getString("value_property")),
                            Arrays.stream((Object[]) rs.getArray("group_by").getArray()).map(String.class::cast).toList(),
                            JsonColumns.readStringMap(rs.getString("filters")), SqlTime.get(rs, "created_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read meters: " + e.getMessage(), e);
        }
    }
}
