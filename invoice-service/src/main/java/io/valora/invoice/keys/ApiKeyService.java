package io.valora.invoice.keys;

import io.valora.auth.Scope;
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
import java.util.Set;

/**
 * Creates, lists and revokes a tenant's API keys. Every change is written to the outbox in the
 * same transaction, so the api-keys topic (and with it the gateway's view) follows the database.
 *
 * <p>Why it exists: the rule "stored hashed, published with tenant and scopes, revocation
 * reaches every service" lives in one place.
 */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyStore store;
    private final Outbox outbox;
    private final OutboxSettings settings;
    private final TenantSession session;
    private final Clock clock;

    ApiKeyService(ApiKeyStore store, Outbox outbox, OutboxSettings settings, TenantSession session, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.settings = settings;
        this.session = session;
        this.clock = clock;
    }

    /** Creates a key for the tenant; the returned secret is the only copy of the key text. */
    @Transactional
    public NewKey create(String tenant, String name, Set<Scope> scopes) {
        session.enter(tenant);
        GeneratedKey generated = GeneratedKey.generate();
        StoredApiKey key = new StoredApiKey(generated.id(), tenant, generated.hash(), name, scopes,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), Optional.empty());
        store.insert(key);
        outbox.append(ApiKeyRecords.message(settings.apiKeysTopic(), key));
        return new NewKey(key, generated.secret());
    }

    /** Revokes the tenant's key (idempotent); empty when the tenant has no key with this id. */
    @Transactional
    public Optional<StoredApiKey> revoke(String tenant, String id) {
        Optional<StoredApiKey> revoked = store.revoke(session.enter(tenant), id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        revoked.ifPresent(key -> outbox.append(ApiKeyRecords.message(settings.apiKeysTopic(), key)));
        return revoked;
    }

    /** A page of the tenant's keys. */
    @Transactional
    public List<StoredApiKey> list(String tenant, Optional<PagePosition> after, int limit) {
        return store.list(session.enter(tenant), after, limit);
    }
}
