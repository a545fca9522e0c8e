package io.valora.invoice.customers;

import io.valora.invoice.db.TenantSession;
import io.valora.invoice.outbox.Outbox;
import io.valora.invoice.outbox.OutboxSettings;
import io.valora.invoice.paging.PagePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creates and reads a tenant's customers; every change goes to the compacted customers topic
 * through the outbox, in the same transaction.
 *
 * <p>Why it exists: the catalog is the system of record for customers, and the streaming side
 * must see exactly what was committed.
 */
@ApplicationScoped
public class CustomerService {

    private final CustomerStore store;
    private final Outbox outbox;
    private final OutboxSettings settings;
    private final TenantSession session;
    private final Clock clock;

    CustomerService(CustomerStore store, Outbox outbox, OutboxSettings settings, TenantSession session, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Creates a customer (time zone and currency validated by the caller).
     *
     * @throws CustomerExistsException when the external id is taken in this tenant
     */
    @Transactional
    public StoredCustomer create(String tenant, String externalId, Optional<String> name, String timeZone, String currency) {
        session.enter(tenant);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredCustomer customer = new StoredCustomer(tenant, externalId, name, timeZone, currency, now, now);
        store.insert(customer);
        outbox.append(CustomerRecords.message(settings.customersTopic(), customer));
        return customer;
    }

    /** The tenant's customer with this external id. */
    @Transactional
    public Optional<StoredCustomer> find(String tenant, String externalId) {
        return store.find(session.enter(tenant), externalId);
    }

    /** A page of the tenant's customers. */
    @Transactional
    public List<StoredCustomer> list(String tenant, Optional<PagePosition> after, int limit) {
        return store.list(session.enter(tenant), after, limit);
    }
}
