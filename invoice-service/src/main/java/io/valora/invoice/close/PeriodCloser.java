package io.valora.invoice.close;

import io.valora.invoice.charges.DuePeriod;
import io.valora.invoice.charges.RatedChargeStore;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.invoices.InvoiceDraft;
import io.valora.invoice.invoices.InvoiceQueries;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.StoredInvoice;
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
 * the same invoice (deterministic ids; closing again recomputes the draft in place).
 */
@ApplicationScoped
public class PeriodCloser {

    private final RatedChargeStore charges;
    private final InvoiceStore store;
    private final InvoiceQueries queries;
    private final Clock clock;

    PeriodCloser(RatedChargeStore charges, InvoiceStore store, InvoiceQueries queries, Clock clock) {
        this.charges = charges;
        this.store = store;
        this.queries = queries;
        this.clock = clock;
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
            store.saveDraft(draft, now);
            queries.find(tenant, draft.key().id()).ifPresent(result::add);
        }
        return result;
    }

    /** The periods that ended at least {@code grace} before now and still need an (updated) invoice. */
    public List<DuePeriod> duePeriods(Duration grace) {
        return charges.duePeriods(clock.instant().minus(grace));
    }
}
