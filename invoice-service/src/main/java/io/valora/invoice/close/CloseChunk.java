package io.valora.invoice.close;

import io.valora.invoice.charges.RatedChargeStore;
import io.valora.invoice.charges.StoredCharge;
import io.valora.invoice.db.TenantScope;
import io.valora.invoice.invoices.InvoiceDraft;
import io.valora.invoice.invoices.InvoiceStore;
import io.valora.invoice.invoices.SaveOutcome;
import io.valora.invoice.plans.PlanStore;
import io.valora.schemas.Plan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Closes a chunk of one tenant's periods set-based on one JDBC connection, in the caller's
 * transaction: one read of their charges, one read of the plan versions they need, the drafts built
 * in memory with billing-core ({@link InvoiceBuilder}), then one batched write ({@link InvoiceStore#write}).
 *
 * <p>Why it exists: a close that costs ten round trips per invoice manages ~150 invoices/s; this
 * costs a handful per chunk. It runs on a bare connection so the benchmark can drive exactly the
 * code the service runs. A draft that cannot be built (mixed currencies) is logged and skipped; the
 * rest of the chunk is written.
 */
public final class CloseChunk {

    private static final Logger LOG = Logger.getLogger(CloseChunk.class);

    private CloseChunk() {
    }

    /**
     * Closes the targets.
     *
     * @return per invoice id, what was written
     */
    public static Map<String, SaveOutcome> close(Connection c, TenantScope tenant, List<CloseTarget> targets, Instant now,
                                                 String eventsTopic) throws SQLException {
        return close(c, tenant, targets, now, eventsTopic, false);
    }

    /**
     * Closes the targets, or none: a draft that cannot be built fails the whole chunk. The
     * scheduler closes this way, because it moves the schedule past every period of the chunk; it
     * then closes the chunk's subscriptions one by one and records the one that fails.
     *
     * @return per invoice id, what was written
     * @throws MixedCurrenciesException when one draft mixes currencies
     */
    public static Map<String, SaveOutcome> closeAll(Connection c, TenantScope tenant, List<CloseTarget> targets, Instant now,
                                                    String eventsTopic) throws SQLException {
        return close(c, tenant, targets, now, eventsTopic, true);
    }

    private static Map<String, SaveOutcome> close(Connection c, TenantScope tenant, List<CloseTarget> targets, Instant now,
                                                  String eventsTopic, boolean all) throws SQLException {
        if (targets.isEmpty()) {
            return Map.of();
        }
        List<StoredCharge> charges = RatedChargeStore.on(c).billedOn(tenant, targets.stream().map(CloseTarget::subscriptionId).toList(),
                targets.stream().map(CloseTarget::periodStart).toList());
        Map<String, List<StoredCharge>> byTarget = new HashMap<>();
        for (StoredCharge charge : charges) {
            byTarget.computeIfAbsent(charge.charge().subscription() + "\n" + charge.charge().periodStart(),
                    k -> new ArrayList<>()).add(charge);
        }
        List<String> planKeys = targets.stream().flatMap(t -> t.subscription().stream())
                .flatMap(s -> s.phases().stream()).map(p -> p.plan()).distinct().toList();
        Map<PlanRef, Plan> plans = new HashMap<>();
        if (!planKeys.isEmpty()) {
            for (Plan plan : PlanStore.on(c).versionsOf(tenant, planKeys)) {
                plans.put(PlanRef.of(plan), plan);
            }
        }
        List<InvoiceDraft> drafts = new ArrayList<>(targets.size());
        for (CloseTarget target : targets) {
            List<StoredCharge> own = byTarget.getOrDefault(target.subscriptionId() + "\n" + target.periodStart(), List.of());
            try {
                if (target.subscription().isPresent()) {
                    drafts.add(InvoiceBuilder.build(target.subscription().get(), target.period().orElseThrow(), plans, own));
                } else if (!own.isEmpty()) {
                    drafts.add(InvoiceBuilder.usageOnly(tenant.id(), target.subscriptionId(), target.periodStart(), own));
                }
            } catch (MixedCurrenciesException e) {
                if (all || targets.size() == 1) {
                    throw e;
                }
                LOG.warn(e.getMessage());
            }
        }
        if (drafts.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return InvoiceStore.on(c).write(tenant, drafts, now, eventsTopic);
    }
}
