package io.valora.invoice.meters;

import io.valora.billing.aggregation.AggregationKind;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.JsonColumns;
import io.valora.invoice.db.SqlArrays;
import io.valora.invoice.db.SqlTime;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code meters} table, always filtered by the tenant, in the caller's (tenant-scoped) transaction.
 *
 * <p>Why it exists: {@link MeterService} pairs each write with its outbox record; this class is
 * the SQL only.
 */
@ApplicationScoped
public class MeterStore {

    private static final String COLUMNS = "SELECT tenant, meter_key, name, event_type, aggregation, value_property, "
            + "group_by, filters::text AS filters, created_at FROM meters ";

    private static final RowMapper<StoredMeter> ROW = (rs, ctx) -> new StoredMeter(rs.getString("tenant"),
            rs.getString("meter_key"), Optional.ofNullable(rs.getString("name")), rs.getString("event_type"),
            AggregationKind.valueOf(rs.getString("aggregation").toUpperCase(Locale.ROOT)),
            Optional.ofNullable(rs.getString("value_property")),
            Arrays.stream((Object[]) rs.getArray("group_by").getArray()).map(String.class::cast).toList(),
            JsonColumns.readStringMap(rs.getString("filters")), SqlTime.get(rs, "created_at"));

    private final Jdbi jdbi;

    MeterStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts the meter.
     *
     * @throws MeterExistsException when the tenant has one with this key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(StoredMeter meter) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO meters (tenant, meter_key, name, event_type, aggregation, "
                            + "value_property, group_by, created_at, filters) VALUES (:tenant, :key, :name, :eventType, "
                            + ":aggregation, :valueProperty, :groupBy, :createdAt, :filters::jsonb)")
                    .bind("tenant", meter.tenant()).bind("key", meter.key()).bind("name", meter.name().orElse(null))
                    .bind("eventType", meter.eventType()).bind("aggregation", meter.aggregationCode())
                    .bind("valueProperty", meter.valueProperty().orElse(null))
                    .bind("groupBy", SqlArrays.of("text", meter.groupBy())).bind("createdAt", meter.createdAt())
                    .bind("filters", JsonColumns.write(meter.filters()))
                    .execute());
        } catch (JdbiException e) {
            if (Jdbis.isUniqueViolation(e)) {
                throw new MeterExistsException(meter.key());
            }
            throw e;
        }
    }

    /** The tenant's meter with this key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredMeter> find(TenantScope tenant, String key) {
        return query(COLUMNS + "WHERE tenant = ? AND meter_key = ?", List.of(tenant.id(), key)).stream().findFirst();
    }

    /** A page of the tenant's meters ordered by (created at, key), after {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredMeter> list(TenantScope tenant, Optional<PagePosition> after, int limit) {
        List<Object> args = new ArrayList<>(List.of(tenant.id()));
        String page = PagePosition.keysetPage("created_at", "meter_key", after, limit, args);
        return query(COLUMNS + "WHERE tenant = ?" + page, args);
    }

    private List<StoredMeter> query(String sql, List<Object> args) {
        return jdbi.withHandle(h -> Jdbis.positional(h, sql, args).map(ROW).list());
    }
}
