package io.valora.invoice.meters;

import io.valora.invoice.db.TenantSession;
import io.valora.invoice.outbox.Outbox;
import io.valora.invoice.outbox.OutboxSettings;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creates and reads a tenant's meters; a new meter goes to the compacted meters topic through
 * the outbox, in the same transaction.
 *
 * <p>Why it exists: meters decide what usage is billed; they are immutable so that a period's
 * usage is always measured one way.
 */
@ApplicationScoped
public class MeterService {

    private final MeterStore store;
    private final Outbox outbox;
    private final OutboxSettings settings;
    private final TenantSession session;
    private final Clock clock;

    MeterService(MeterStore store, Outbox outbox, OutboxSettings settings, TenantSession session, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Creates the meter described by {@code draft} (validated by the caller) for the tenant.
     *
     * @throws MeterExistsException when the key is taken in this tenant
     */
    @Transactional
    public StoredMeter create(String tenant, StoredMeter draft) {
        session.enter(tenant);
        StoredMeter meter = new StoredMeter(tenant, draft.key(), draft.name(), draft.eventType(), draft.aggregation(),
                draft.valueProperty(), draft.groupBy(), draft.filters(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        store.insert(meter);
        outbox.append(MeterRecords.message(settings.metersTopic(), meter));
        return meter;
    }

    /** The tenant's meter with this key. */
    @Transactional
    public Optional<StoredMeter> find(String tenant, String key) {
        return store.find(session.enter(tenant), key);
    }

    /** A page of the tenant's meters. */
    @Transactional
    public List<StoredMeter> list(String tenant, Optional<PagePosition> after, int limit) {
        return store.list(session.enter(tenant), after, limit);
    }
}
