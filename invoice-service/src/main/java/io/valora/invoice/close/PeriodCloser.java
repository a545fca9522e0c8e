package io.valora.invoice.close;

import io.agroal.api.AgroalDataSource;
import io.valora.billing.period.BillingPeriod;
import io.valora.invoice.charges.DuePeriod;
import io.valora.invoice.charges.RatedChargeStore;
import io.valora.invoice.db.Jdbis;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.db.TenantSession;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.SaveOutcome;
import io.valora.invoice.invoices.StoredInvoice;
import io.valora.invoice.outbox.OutboxSettings;
import io.valora.invoice.subscriptions.DueSubscription;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.invoice.subscriptions.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;

/**
 * Closes billing periods into draft invoices, by request and for the scheduler, each call in one
 * transaction in the tenant's database session.
 *
 * <p>Why it exists: both the REST close and the scheduler come through {@link CloseChunk}, so both
 * produce the same invoice (deterministic ids; closing again recomputes the draft in place and
 * leaves a finalized, paid or void invoice as it is). Everything here runs on the request role in
 * one tenant's session; what the scheduler reads across tenants is {@link CloseScan}'s.
 */
@ApplicationScoped
public class PeriodCloser {

    private final AgroalDataSource dataSource;
    private final InvoiceStore queries;
    private final TenantSession session;
    private final OutboxSettings outbox;
    private final Clock clock;

    PeriodCloser(AgroalDataSource dataSource, InvoiceStore queries, TenantSession session,
                 OutboxSettings outbox, Clock clock) {
        this.dataSource = dataSource;
        this.queries = queries;
        this.session = session;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@link #close(String, Instant, Optional, Optional)} for every subscription (of one customer). */
    @Transactional
    public List<StoredInvoice> close(String tenant, Instant periodStart, Optional<String> customer) {
        return close(tenant, periodStart, customer, Optional.empty());
    }

    /**
     * Closes the tenant's periods that start at {@code periodStart}: of every subscription whose
     * calendar has a period starting there (optionally only one customer's or one subscription's),
     * and of every subscription with charges in it the catalog does not know.
     *
     * @return the invoices as stored, by period start and id
     * @throws IllegalArgumentException  when the one subscription named has no period starting there
     * @throws MixedCurrenciesException when one invoice's charges mix currencies (nothing is written)
     */
    @Transactional
    public List<StoredInvoice> close(String tenant, Instant periodStart, Optional<String> customer,
                                     Optional<String> subscription) {
        TenantScope scope = session.enter(tenant);
        try (Connection c = dataSource.getConnection()) {
            SubscriptionStore subscriptions = SubscriptionStore.on(c);
            List<CloseTarget> targets = new ArrayList<>();
            Set<String> known = new HashSet<>();
            for (StoredSubscription s : subscriptions.around(scope, periodStart, customer, subscription)) {
                BillingPeriod period = s.calendar().periodContaining(periodStart);
                if (period.start().equals(periodStart) && s.overlaps(period)) {
                    targets.add(CloseTarget.of(s, period));
                } else if (subscription.isPresent()) {
                    throw new IllegalArgumentException("No billing period of subscription " + s.id() + " starts at "
                            + periodStart + "; the period around it is " + period + ".");
                }
                known.add(s.id());
            }
            List<String> billed = RatedChargeStore.on(c).subscriptionsBilledOn(scope, periodStart, customer, subscription);
            List<String> unknownIds = new ArrayList<>(billed);
            unknownIds.removeAll(known);
            if (!unknownIds.isEmpty()) {
                subscriptions.byIds(scope, unknownIds).forEach(s -> known.add(s.id()));
                unknownIds.removeIf(known::contains);
            }
            unknownIds.forEach(id -> targets.add(CloseTarget.unknown(id, periodStart)));
            Map<String, SaveOutcome> written = CloseChunk.close(c, scope, targets, clock.instant(), outbox.invoiceEventsTopic());
            return queries.findAll(tenant, new ArrayList<>(written.keySet()));
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not close the period starting " + periodStart + ": " + Jdbis.reason(e), e);
        }
    }

    /**
     * Closes one chunk of one tenant's due subscription periods and moves their schedule on.
     *
     * @return how many invoices were created or updated
     */
    @Transactional
    public int closeDue(String tenant, List<DueSubscription> due) {
        TenantScope scope = session.enter(tenant);
        try (Connection c = dataSource.getConnection()) {
            return DueClose.close(c, scope, due, clock.instant(), outbox.invoiceEventsTopic());
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not close " + due.size() + " periods of tenant " + tenant + ": "
                    + Jdbis.reason(e), e);
        }
    }

    /** Re-closes one tenant's periods whose charges changed since (or arrived without) an invoice. */
    @Transactional
    public int closeCharged(String tenant, List<DuePeriod> periods) {
        TenantScope scope = session.enter(tenant);
        try (Connection c = dataSource.getConnection()) {
            Map<String, StoredSubscription> catalog = new java.util.HashMap<>();
            SubscriptionStore.on(c).byIds(scope, periods.stream().map(DuePeriod::subscription).distinct().toList())
                    .forEach(s -> catalog.put(s.id(), s));
            List<CloseTarget> targets = new ArrayList<>();
            for (DuePeriod p : periods) {
                StoredSubscription s = catalog.get(p.subscription());
                if (s == null) {
                    targets.add(CloseTarget.unknown(p.subscription(), p.periodStart()));
                } else {
                    BillingPeriod period = s.calendar().periodContaining(p.periodStart());
                    if (period.start().equals(p.periodStart())) {
                        targets.add(CloseTarget.of(s, period));
                    }
                }
            }
            Map<String, SaveOutcome> written = CloseChunk.closeAll(c, scope, targets, clock.instant(), outbox.invoiceEventsTopic());
            return (int) written.values().stream().filter(o -> o != SaveOutcome.FROZEN).count();
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not re-close " + periods.size() + " periods of tenant " + tenant + ": "
                    + Jdbis.reason(e), e);
        }
    }

    /**
     * Carries one tenant's late changes of finalized periods onto their next periods, in the tenant's
     * session; returns how many.
     */
    @Transactional
    public int carryLateChanges(String tenant) {
        TenantScope scope = session.enter(tenant);
        try (Connection c = dataSource.getConnection()) {
            return LateChanges.carry(c, scope);
        } catch (SQLException | JdbiException e) {
            throw new IllegalStateException("Could not carry late changes of tenant " + tenant + ": " + Jdbis.reason(e), e);
        }
    }
}
