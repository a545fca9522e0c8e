package io.valora.invoice.subscriptions;

import io.valora.billing.period.Cadence;
import io.valora.invoice.customers.CustomerStore;
import io.valora.invoice.customers.StoredCustomer;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.outbox.Outbox;
import io.valora.invoice.outbox.OutboxSettings;
import io.valora.invoice.paging.PagePosition;
import io.valora.invoice.plans.PlanStore;
import io.valora.schemas.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Subscribes customers to plans, changes their plan (now or at the next period), cancels them (now
 * or at period end), and reads them. Every change publishes the whole subscription on the
 * compacted subscriptions topic through the outbox, in the same transaction.
 *
 * <p>Why it exists: the subscription decides which plan prices which part of each period; its
 * phases are the input of both rating (usage) and the period close (flat fees, minimum).
 */
@ApplicationScoped
public class SubscriptionService {

    /** Effective now. */
    public static final String NOW = "now";
    /** Effective at the end of the current period. */
    public static final String NEXT_PERIOD = "next_period";
    /** Cancel at the end of the current period. */
    public static final String PERIOD_END = "period_end";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final CustomerStore customers;
    private final PlanStore plans;
    private final Outbox outbox;
    private final OutboxSettings settings;
    private final TenantSession session;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, CustomerStore customers, PlanStore plans, Outbox outbox,
                        OutboxSettings settings, TenantSession session, Clock clock) {
        this.store = store;
        this.customers = customers;
        this.plans = plans;
        this.outbox = outbox;
        this.settings = settings;
        this.session = session;
        this.clock = clock;
    }

    /** Creates the subscription; 422-type refusals for an unknown customer or plan, or another currency. */
    @Transactional
    public StoredSubscription create(String tenant, NewSubscription request) {
        TenantScope scope = session.enter(tenant);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredCustomer customer = customers.find(scope, request.customer()).orElseThrow(() ->
                SubscriptionRefusedException.unprocessable("unknown-customer", "No customer with externalId '"
                        + request.customer() + "'; create it with POST /v1/customers first."));
        Plan plan = plan(scope, request.plan(), request.planVersion());
        if (!plan.getCurrency().equals(customer.currency())) {
            throw SubscriptionRefusedException.unprocessable("currency-mismatch", "Plan " + plan.getKey() + " prices in "
                    + plan.getCurrency() + " but customer " + customer.externalId() + " is billed in " + customer.currency() + ".");
        }
        ZoneId zone = ZoneId.of(customer.timeZone());
        Cadence cadence = Cadence.valueOf(plan.getCadence());
        Instant startAt = request.startAt().orElse(now).truncatedTo(ChronoUnit.MILLIS);
        Optional<Instant> trialEnd = request.trialDays() == 0 ? Optional.empty()
                : Optional.of(startAt.atZone(zone).plusDays(request.trialDays()).toInstant());
        String id = "sub_" + HexFormat.of().formatHex(randomBytes());
        StoredSubscription s = new StoredSubscription(tenant, id, request.externalId(), customer.externalId(), zone, cadence,
                Anchors.of(request.anchor(), cadence, zone, startAt), startAt, Optional.empty(), trialEnd,
                List.of(new Phase(plan.getKey(), plan.getVersion(), startAt, Optional.empty())), now, now);
        store.insert(s, s.calendar().periodContaining(startAt).end());
        outbox.append(SubscriptionRecords.message(settings.subscriptionsTopic(), s, now));
        return s;
    }

    /** Switches the plan {@code now} or at the {@code next_period}; empty when there is no such subscription. */
    @Transactional
    public Optional<StoredSubscription> changePlan(String tenant, String id, String planKey, Optional<Integer> version,
                                                   String effective) {
        TenantScope scope = session.enter(tenant);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return store.find(scope, id, true).map(s -> {
            requireOpen(s, now);
            Plan plan = plan(scope, planKey, version);
            Plan current = plan(scope, s.phaseAt(now).plan(), Optional.of(s.phaseAt(now).planVersion()));
            if (!plan.getCadence().equals(s.cadence().name())) {
                throw SubscriptionRefusedException.unprocessable("cadence-mismatch", "Plan " + plan.getKey() + " bills "
                        + plan.getCadence() + " but the subscription is " + s.cadence() + "; a plan change keeps the cadence.");
            }
            if (!plan.getCurrency().equals(current.getCurrency())) {
                throw SubscriptionRefusedException.unprocessable("currency-mismatch", "Plan " + plan.getKey() + " prices in "
                        + plan.getCurrency() + " but the subscription is billed in " + current.getCurrency() + ".");
            }
            Instant at = NEXT_PERIOD.equals(effective) ? currentPeriodEnd(s, now) : now;
            if (s.endAt().filter(end -> !end.isAfter(at)).isPresent()) {
                throw new SubscriptionRefusedException(409, "subscription-ends-before",
                        "The subscription ends at " + s.endAt().get() + ", before the change would take effect.");
            }
            return save(s.with(s.phasesSwitchingAt(at, plan.getKey(), plan.getVersion()), s.endAt(), now), now);
        });
    }

    /** Ends the subscription {@code now} or at {@code period_end}; empty when there is no such subscription. */
    @Transactional
    public Optional<StoredSubscription> cancel(String tenant, String id, String effective) {
        TenantScope scope = session.enter(tenant);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return store.find(scope, id, true).map(s -> {
            requireOpen(s, now);
            Instant end = PERIOD_END.equals(effective) ? currentPeriodEnd(s, now) : (now.isBefore(s.startAt()) ? s.startAt() : now);
            if (s.endAt().filter(existing -> existing.isBefore(end)).isPresent()) {
                return s;
            }
            return save(s.with(s.phasesEndingAt(end), Optional.of(end), now), now);
        });
    }

    /** The tenant's subscription with this id. */
    @Transactional
    public Optional<StoredSubscription> find(String tenant, String id) {
        return store.find(session.enter(tenant), id, false);
    }

    /** A page of the tenant's subscriptions. */
    @Transactional
    public List<StoredSubscription> list(String tenant, Optional<String> customer, Optional<SubscriptionStatus> status,
                                         Optional<PagePosition> after, int limit) {
        return store.list(session.enter(tenant), customer, status, clock.instant(), after, limit);
    }

    /** "Now" as the service sees it, for statuses in answers. */
    public Instant now() {
        return clock.instant();
    }

    private StoredSubscription save(StoredSubscription s, Instant now) {
        store.update(s);
        outbox.append(SubscriptionRecords.message(settings.subscriptionsTopic(), s, now));
        return s;
    }

    private Plan plan(TenantScope tenant, String key, Optional<Integer> version) {
        Optional<Plan> plan = version.isPresent() ? plans.version(tenant, key, version.get()) : plans.latest(tenant, key);
        return plan.orElseThrow(() -> SubscriptionRefusedException.unprocessable("unknown-plan", "No plan '" + key + "'"
                + version.map(v -> " version " + v).orElse("") + "; create it with POST /v1/plans first."));
    }

    private static Instant currentPeriodEnd(StoredSubscription s, Instant now) {
        return s.calendar().periodContaining(now.isBefore(s.startAt()) ? s.startAt() : now).end();
    }

    private static void requireOpen(StoredSubscription s, Instant now) {
        if (s.status(now) == SubscriptionStatus.CANCELLED) {
            throw new SubscriptionRefusedException(409, "subscription-ended", "Subscription " + s.id() + " ended at "
                    + s.endAt().orElseThrow() + "; it cannot change any more.");
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
