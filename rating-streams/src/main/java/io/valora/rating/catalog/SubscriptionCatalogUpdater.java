package io.valora.rating.catalog;

import io.valora.rating.deadletter.DeadLetterPublisher;
import io.valora.schemas.Subscription;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link CatalogStores#SUBSCRIPTIONS_STORE} in step with the {@code subscriptions} topic:
 * each subscription by id, by customer and by external id. Usage events name a customer (or, when
 * Lago-shaped, a subscription's external id) in {@code subject}, never Valora's subscription id.
 *
 * <p>The latest record per id replaces the earlier one, index entries included, so a changed
 * external id or customer leaves no stale entry behind. Runs on restore too.
 */
public final class SubscriptionCatalogUpdater extends CatalogUpdater<Subscription> {

    private KeyValueStore<String, Subscription> subscriptions;

    /**
     * {@code changes} is told after every record, so in-memory lookups of stream threads are dropped; a record that
     * cannot be applied goes to {@code deadLetters}.
     */
    public SubscriptionCatalogUpdater(CatalogChanges changes, DeadLetterPublisher deadLetters) {
        super(CatalogStores.SUBSCRIPTIONS_STORE.replace("-store", "-updater"), changes, deadLetters);
    }

    @Override
    void open(ProcessorContext<Void, Void> context) {
        this.subscriptions = context.getStateStore(CatalogStores.SUBSCRIPTIONS_STORE);
    }

    @Override
    void apply(String key, Subscription subscription) {
        if (subscription == null) {
            CatalogStores.forTopicKey(key, this::remove);
            return;
        }
        String tenant = subscription.getTenant();
        String id = subscription.getId();
        remove(tenant, id);
        subscriptions.put(CatalogStores.subscriptionById(tenant, id), subscription);
        subscriptions.put(CatalogStores.subscriptionByCustomer(tenant, subscription.getCustomer(), id), subscription);
        if (subscription.getExternalId() != null) {
            subscriptions.put(CatalogStores.subscriptionByExternalId(tenant, subscription.getExternalId(), id), subscription);
        }
    }

    private void remove(String tenant, String id) {
        Subscription before = subscriptions.delete(CatalogStores.subscriptionById(tenant, id));
        if (before == null) {
            return;
        }
        subscriptions.delete(CatalogStores.subscriptionByCustomer(tenant, before.getCustomer(), id));
        if (before.getExternalId() != null) {
            subscriptions.delete(CatalogStores.subscriptionByExternalId(tenant, before.getExternalId(), id));
        }
    }
}
