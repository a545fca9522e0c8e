package io.valora.invoice.plans;

import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.outbox.Outbox;
import io.valora.invoice.outbox.OutboxSettings;
import io.valora.schemas.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creates plans and their new versions, and reads them; every version goes to the compacted plans
 * topic through the outbox, in the same transaction.
 *
 * <p>Why it exists: a version in use must never change, so an edit is always a new version
 * (N + 1; a concurrent edit that took the same number fails with 409) and published versions are
 * only read.
 */
@ApplicationScoped
public class PlanService {

    private final PlanStore store;
    private final Outbox outbox;
    private final OutboxSettings settings;
    private final TenantSession session;
    private final Clock clock;

    PlanService(PlanStore store, Outbox outbox, OutboxSettings settings, TenantSession session, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Creates version 1 of a plan (validated by the caller).
     *
     * @throws PlanExistsException when the key is taken in this tenant
     */
    @Transactional
    public Plan create(String tenant, Plan draft) {
        TenantScope scope = session.enter(tenant);
        if (store.latest(scope, draft.getKey()).isPresent()) {
            throw new PlanExistsException(draft.getKey());
        }
        return publish(tenant, draft, 1);
    }

    /** Creates the next version of an existing plan; empty when the tenant has no such plan. */
    @Transactional
    public Optional<Plan> edit(String tenant, Plan draft) {
        return store.latest(session.enter(tenant), draft.getKey()).map(latest -> publish(tenant, draft, latest.getVersion() + 1));
    }

    /** The latest version of the tenant's plan. */
    @Transactional
    public Optional<Plan> latest(String tenant, String key) {
        return store.latest(session.enter(tenant), key);
    }

    /** One version of the tenant's plan. */
    @Transactional
    public Optional<Plan> version(String tenant, String key, int version) {
        return store.version(session.enter(tenant), key, version);
    }

    /** A page of the tenant's plans (latest versions), by key. */
    @Transactional
    public List<Plan> list(String tenant, Optional<String> afterKey, int limit) {
        return store.listLatest(session.enter(tenant), afterKey, limit);
    }

    private Plan publish(String tenant, Plan draft, int version) {
        // Set in place rather than Plan.newBuilder(draft): Avro's deep copy resolves nested record
        // classes through its own class loader, which under Quarkus' test class loading is not ours.
        Plan plan = draft;
        plan.setTenant(tenant);
        plan.setVersion(version);
        plan.setCreatedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        store.insert(plan);
        outbox.append(PlanRecords.message(settings.plansTopic(), plan));
        return plan;
    }
}
