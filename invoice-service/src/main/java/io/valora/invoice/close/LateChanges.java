package io.valora.invoice.close;

import io.valora.billing.invoice.LineIds;
import io.valora.invoice.charges.ChargeRow;
import io.valora.invoice.charges.RatedChargeStore;
import io.valora.invoice.close.CarriedChargeStore.ChangedCharge;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.InvoiceStore.BilledLine;
import io.valora.invoice.subscriptions.StoredSubscription;
import io.valora.invoice.subscriptions.SubscriptionStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries changes of charges whose period is already finalized (or paid) onto the next period,
 * as adjustment charges, so usage that updates a charge after its invoice went out is billed
 * once, on the next invoice.
 *
 * <p>Why it exists: an invoice may be finalized while rating can still update its period's
 * charges (grace plus idle-close delay). The finalized invoice never changes, so without this the
 * difference would never be billed. For each charge changed since its invoice was built, the
 * amount and quantity still unbilled are the charge's current values minus its line on the
 * finalized invoice (line id {@code LineIds.of("charge", tenant, chargeKey)}; no line = nothing
 * billed). That difference becomes the charge {@code <chargeKey>/carried} of the next period
 * ({@code adjustmentOf} = the finalized period), rewritten in place as the source changes again;
 * if that next invoice is finalized in turn, the same rule carries the carried charge on.
 */
public final class LateChanges {

    private LateChanges() {
    }

    /** Tenants with changed charges of finalized periods not carried yet (the scheduler's system connection). */
    public static List<String> tenants(Connection c) {
        return CarriedChargeStore.on(c).tenantsWithChanges();
    }

    /**
     * Carries the tenant's unbilled differences, on the close's connection in the tenant's session;
     * returns how many charges were carried (non-zero differences).
     */
    public static int carry(Connection c, TenantScope scope) {
        CarriedChargeStore carriedCharges = CarriedChargeStore.on(c);
        List<ChangedCharge> changed = carriedCharges.changed(scope);
        if (changed.isEmpty()) {
            return 0;
        }
        // What the finalized invoice billed for each charge: its line, whose id is derived from the charge key.
        Map<String, BilledLine> billed = InvoiceStore.on(c).billedLines(scope,
                changed.stream().map(ch -> lineId(scope, ch)).toList());
        Map<String, StoredSubscription> catalog = new HashMap<>();
        SubscriptionStore.on(c).byIds(scope, changed.stream().map(ChangedCharge::subscription).distinct().toList())
                .forEach(s -> catalog.put(s.id(), s));
        List<ChargeRow> carried = new ArrayList<>();
        for (ChangedCharge ch : changed) {
            BilledLine line = billed.getOrDefault(lineId(scope, ch), NOTHING_BILLED);
            BigDecimal quantity = ch.quantity().subtract(line.quantity());
            long amount = ch.amountMinor() - line.amountMinor();
            if (quantity.signum() != 0 || amount != 0) {
                carried.add(carriedRow(scope, ch, quantity, amount, nextPeriodEnd(catalog.get(ch.subscription()), ch)));
            }
        }
        RatedChargeStore.on(c).carryAll(carried);
        carriedCharges.markCarried(scope, changed);
        return carried.size();
    }

    private static final BilledLine NOTHING_BILLED = new BilledLine(BigDecimal.ZERO, 0);

    private static String lineId(TenantScope scope, ChangedCharge ch) {
        return LineIds.of("charge", scope.id(), ch.chargeKey());
    }

    /**
     * The charge {@code <chargeKey>/carried} of the next period; its sequence is the source's
     * revision, which only grows, so a newer difference always replaces an older one.
     */
    private static ChargeRow carriedRow(TenantScope scope, ChangedCharge ch, BigDecimal quantity, long amount,
                                        Instant nextEnd) {
        return new ChargeRow(ch.chargeKey() + "/carried", scope.id(), ch.subscription(), ch.customer(), ch.meter(),
                ch.group(), ch.plan(), ch.planVersion(), ch.periodEnd(), nextEnd, ch.periodStart(), quantity,
                ch.unitPrice(), amount, ch.currency(), ch.eventCount(), ch.revision(), true);
    }

    /** End of the period after the finalized one: by the subscription's calendar, else as long as the finalized one. */
    private static Instant nextPeriodEnd(StoredSubscription subscription, ChangedCharge ch) {
        if (subscription != null) {
            return subscription.calendar().periodContaining(ch.periodEnd()).end();
        }
        return ch.periodEnd().plus(Duration.between(ch.periodStart(), ch.periodEnd()));
    }
}
