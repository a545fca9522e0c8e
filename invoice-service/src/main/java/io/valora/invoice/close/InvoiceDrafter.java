package io.valora.invoice.close;

import io.valora.billing.invoice.Invoice;
import io.valora.billing.invoice.InvoiceLine;
import io.valora.billing.invoice.LineIds;
import io.valora.billing.invoice.LineKind;
import io.valora.billing.money.Money;
import io.valora.invoice.charges.ChargeKey;
import io.valora.invoice.charges.ChargeRow;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.invoices.DraftLine;
import io.valora.invoice.invoices.InvoiceDraft;
import io.valora.invoice.invoices.InvoiceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one period's rated charges into draft invoices: one invoice per customer, one
 * {@code USAGE} line per charge (meter), the line amount being the charge's already rounded
 * amount. Pure: no database, no clock.
 *
 * <p>Why it exists: it is the invoice rule of the foundation release, and it must be testable
 * in milliseconds. The amounts come from rating (rounded once there); billing-core's
 * {@link Invoice} adds them up exactly.
 */
public final class InvoiceDrafter {

    private InvoiceDrafter() {
    }

    /**
     * The drafts for these charges, ordered by customer.
     *
     * @param charges charges of one tenant and one period start
     * @throws MixedCurrenciesException when one customer's charges are in more than one currency
     */
    public static List<InvoiceDraft> draft(List<StoredCharge> charges) {
        Map<InvoiceKey, List<StoredCharge>> byInvoice = new TreeMap<>(
                Comparator.comparing(InvoiceKey::tenant).thenComparing(InvoiceKey::customer)
                        .thenComparing(InvoiceKey::periodStart));
        for (StoredCharge stored : charges) {
            ChargeRow charge = stored.charge();
            InvoiceKey key = new InvoiceKey(charge.key().tenant(), charge.customer(), charge.key().periodStart());
            byInvoice.computeIfAbsent(key, k -> new ArrayList<>()).add(stored);
        }
        List<InvoiceDraft> drafts = new ArrayList<>();
        byInvoice.forEach((key, group) -> drafts.add(draftOne(key, group)));
        return drafts;
    }

    private static InvoiceDraft draftOne(InvoiceKey key, List<StoredCharge> charges) {
        Currency currency = singleCurrency(key, charges);
        List<StoredCharge> ordered = charges.stream()
                .sorted(Comparator.comparing((StoredCharge s) -> s.charge().key().meter())
                        .thenComparing(s -> s.charge().key().subscription()))
                .toList();
        List<DraftLine> lines = new ArrayList<>();
        Instant periodEnd = key.periodStart();
        long revision = 0;
        for (StoredCharge stored : ordered) {
            ChargeRow charge = stored.charge();
            lines.add(usageLine(charge, currency));
            periodEnd = charge.periodEnd().isAfter(periodEnd) ? charge.periodEnd() : periodEnd;
            revision = Math.max(revision, stored.revision());
        }
        Invoice invoice = new Invoice(currency, lines.stream().map(DraftLine::line).toList());
        return new InvoiceDraft(key, periodEnd, invoice, lines, revision);
    }

    private static DraftLine usageLine(ChargeRow charge, Currency currency) {
        ChargeKey k = charge.key();
        String id = LineIds.of("usage", k.tenant(), k.subscription(), k.meter(), k.periodStart().toString());
        String description = "Usage of " + k.meter() + ": " + charge.quantity().toPlainString() + " at "
                + charge.unitPrice().toPlainString() + " " + currency.getCurrencyCode();
        InvoiceLine line = new InvoiceLine(id, LineKind.USAGE, description, charge.quantity(),
                Money.ofMinorUnits(charge.amountMinor(), currency));
        return new DraftLine(line, k.meter(), charge.unitPrice());
    }

    private static Currency singleCurrency(InvoiceKey key, List<StoredCharge> charges) {
        Map<String, String> meterByCurrency = new LinkedHashMap<>();
        for (StoredCharge stored : charges) {
            meterByCurrency.putIfAbsent(stored.charge().currency(), stored.charge().key().meter());
        }
        if (meterByCurrency.size() > 1) {
            throw new MixedCurrenciesException(key, meterByCurrency);
        }
        return Money.currency(meterByCurrency.keySet().iterator().next());
    }
}
