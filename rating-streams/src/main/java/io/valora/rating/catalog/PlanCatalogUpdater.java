package io.valora.rating.catalog;

import io.valora.schemas.Plan;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link CatalogStores#PLANS_STORE} in step with the {@code plans} topic: every version under
 * {@code tenant/planKey/version}, because a subscription phase names the version it is on and
 * usage is priced with exactly that one.
 */
public final class PlanCatalogUpdater implements Processor<String, Plan, Void, Void> {

    private final CatalogChanges changes;
    private KeyValueStore<String, Plan> plans;

    /** {@code changes} is told after every applied record, so in-memory lookups of stream threads are dropped. */
    public PlanCatalogUpdater(CatalogChanges changes) {
        this.changes = changes;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.plans = context.getStateStore(CatalogStores.PLANS_STORE);
    }

    @Override
    public void process(Record<String, Plan> record) {
        apply(record);
        changes.changed();
    }

    private void apply(Record<String, Plan> record) {
        Plan plan = record.value();
        if (plan == null) {
            if (record.key() != null) {
                plans.delete(record.key());
            }
            return;
        }
        plans.put(CatalogStores.plan(plan.getTenant(), plan.getKey(), plan.getVersion()), plan);
    }
}
