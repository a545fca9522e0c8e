package io.valora.rating.catalog;

import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.schemas.Plan;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link CatalogStores#PLANS_STORE} in step with the {@code plans} topic: every version under
 * {@code tenant/planKey/version}, because a subscription phase names the version it is on and
 * usage is priced with exactly that one.
 */
public final class PlanCatalogUpdater extends CatalogUpdater<Plan> {

    private KeyValueStore<String, Plan> plans;

    /**
     * {@code changes} is told after every record, so in-memory lookups of stream threads are dropped; a record that
     * cannot be applied goes to {@code deadLetters}.
     */
    public PlanCatalogUpdater(CatalogChanges changes, DeadLetterPublisher deadLetters) {
        super(CatalogStores.PLANS_STORE.replace("-store", "-updater"), changes, deadLetters);
    }

    @Override
    void open(ProcessorContext<Void, Void> context) {
        this.plans = context.getStateStore(CatalogStores.PLANS_STORE);
    }

    @Override
    void apply(String key, Plan plan) {
        if (plan == null) {
            if (key != null) {
                plans.delete(key);
            }
            return;
        }
        plans.put(CatalogStores.plan(plan.getTenant(), plan.getKey(), plan.getVersion()), plan);
    }
}
