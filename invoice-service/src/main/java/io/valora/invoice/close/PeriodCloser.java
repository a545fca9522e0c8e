package io.valora.invoice.close;

import io.valora.invoice.charges.DuePeriod;
import io.valora.invoice.charges.RatedChargeStore;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.invoices.InvoiceDraft;
import io.valora.invoice.invoices.InvoiceQueries;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.SaveOutcome;
import io.valora.invoice.invoices.StoredInvoice;
import io.valora.invoice.lifecycle.InvoiceEventPublisher;
import io.valora.invoice.lifecycle.InvoiceEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Closes billing periods: builds each customer's draft invoice from the period's rated charges
 * and stores it, in one transaction.
 *
 * <p>Why it exists: both the REST close and the scheduler come through here, so both produce
 * the same invoice (deterministic ids; closing again recomputes the draft in place, and leaves a
 * finalized, paid or void invoice as it is). A new invoice gets the tenant's next number and an
 * {@code invoice.created} event in the outbox, in the same transaction.
 */
@ApplicationScoped
public class PeriodCloser {

    private final RatedChargeStore charges;
    private final InvoiceStore store;
    private final InvoiceQueries queries;
    private final Clock clock;
    private final InvoiceEventPublisher events;

    PeriodCloser(RatedChargeStore charges, InvoiceStore store, InvoiceQueries queries, Clock clock,
                 InvoiceEventPublisher events) {
        this.charges = charges;
        this.store = store;
        this.queries = queries;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Closes the tenant's period that starts at {@code periodStart}, for one customer or for all
     * customers with charges in it.
     *
     * @return the invoices as stored, ordered by customer; empty when there are no charges
     * @throws MixedCurrenciesException when a customer's charges mix currencies (nothing is written)
     */
    @Transactional
    public List<StoredInvoice> close(String tenant, Instant periodStart, Optional<String> customer) {
        List<StoredCharge> found = charges.forPeriod(tenant, periodStart, customer);
        Instant now = clock.instant();
        List<StoredInvoice> result = new ArrayList<>();
        for (InvoiceDraft draft : InvoiceDrafter.draft(found)) {
            SaveOutcome outcome = store.saveDraft(draft, now);
            StoredInvoice stored = queries.find(tenant, draft.key().id()).orElseThrow();
            if (outcome == SaveOutcome.CREATED) {
                events.publish(stored, InvoiceEvents.CREATED, now);
            }
            result.add(stored);
        }
        return result;
    }

    /** The periods that ended at least {@code grace} before now and still need an (updated) invoice. */
    public List<DuePeriod> duePeriods(Duration grace) {
        return charges.duePeriods(clock.instant().minus(grace));
    }
}
