package io.valora.rating.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import io.valora.billing.aggregation.AggregationKind;
import io.valora.billing.quantity.Quantities;
import io.valora.rating.catalog.Catalog;
import io.valora.rating.model.CheckedEvent;
import io.valora.rating.model.MeteredUsage;
import io.valora.rating.model.Pricing;
import io.valora.rating.model.RejectReason;
import io.valora.schemas.Meter;
import io.valora.schemas.Plan;
import io.valora.schemas.PlanUsageCharge;
import io.valora.schemas.Subscription;
import io.valora.schemas.SubscriptionPhase;
import io.valora.schemas.UsageEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a usage event against the catalog: the meters it counts for (event type and filters),
 * the subscription active at its time, the plan phase in force then and that plan's price for each
 * meter, and the value each meter reads from {@code data}.
 *
 * <p>All-or-nothing per event, so that re-processing a rejected event after the catalog caught up
 * rates it completely: any failure rejects the whole event, except that a matching meter the plan
 * does not price is skipped (the plan version says that usage is not billed) as long as another
 * meter is priced.
 */
final class UsageResolver {

    /** Plan versions never change, so a meter's pricing under one is built once per task (bounded by clearing). */
    private static final int MAX_CACHED_PRICINGS = 10_000;
    private static final List<AggregationKind> AGGREGATIONS = List.of(AggregationKind.values());

    private final CachedCatalog catalog;
    private final Map<PricingKey, Pricing> pricings = new HashMap<>();

    /** A meter's price under one plan version; the parts' strings keep their hash, unlike a concatenation. */
    private record PricingKey(String tenant, String plan, int version, String meter) {
    }

    UsageResolver(CachedCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code raw} is the event's bytes as read, carried by every usage so rating can reject or set the event aside. */
    CheckedEvent resolve(UsageEvent event, byte[] raw) {
        JsonNode data;
        try {
            data = DataJson.JSON.readTree(event.getData());
        } catch (IOException e) {
            data = null;
        }
        if (data == null || !data.isObject()) {
            return CheckedEvent.refused(event, RejectReason.INVALID_DATA, "data is not a JSON object");
        }
        List<Meter> meters = matchingMeters(event, data);
        if (meters.isEmpty()) {
            return CheckedEvent.refused(event, RejectReason.NO_METER, "no meter of tenant " + event.getTenant()
                    + " matches type '" + event.getType() + "' and its filters");
        }
        List<Subscription> candidates = catalog.subscriptionsFor(event.getTenant(), event.getSubject());
        if (candidates.isEmpty()) {
            return CheckedEvent.refused(event, RejectReason.NO_SUBSCRIPTION, "subject '" + event.getSubject()
                    + "' is neither a customer with a subscription nor a subscription's external id");
        }
        Instant time = event.getTime();
        Optional<Subscription> active = Catalog.activeAt(candidates, time);
        if (active.isEmpty()) {
            return CheckedEvent.refused(event, RejectReason.SUBSCRIPTION_NOT_ACTIVE,
                    "no subscription of '" + event.getSubject() + "' is active at " + time);
        }
        Subscription subscription = active.get();
        MeteredUsage.CalendarSpec calendar = new MeteredUsage.CalendarSpec(subscription.getTimeZone(),
                subscription.getCadence(), subscription.getAnchor());
        try {
            calendar.toCalendar();
        } catch (DateTimeException | IllegalArgumentException e) {
            return CheckedEvent.refused(event, RejectReason.INVALID_SUBSCRIPTION,
                    "subscription " + subscription.getId() + ": " + e.getMessage());
        }
        Optional<SubscriptionPhase> phase = phaseAt(subscription, time);
        if (phase.isEmpty()) {
            return CheckedEvent.refused(event, RejectReason.NO_PLAN_PHASE,
                    "subscription " + subscription.getId() + " has no plan phase at " + time);
        }
        String planKey = phase.get().getPlan();
        int version = phase.get().getPlanVersion();
        Optional<Plan> plan = catalog.plan(event.getTenant(), planKey, version);
        if (plan.isEmpty()) {
            return CheckedEvent.refused(event, RejectReason.PLAN_NOT_FOUND, "plan " + planKey + "@" + version + " is not in the catalog");
        }
        return measure(event, raw, data, meters, subscription, calendar, plan.get());
    }

    private CheckedEvent measure(UsageEvent event, byte[] raw, JsonNode data, List<Meter> meters, Subscription subscription,
            MeteredUsage.CalendarSpec calendar, Plan plan) {
        List<MeteredUsage> usages = new ArrayList<>();
        for (Meter meter : meters) {
            AggregationKind kind = kindOf(meter.getAggregation());
            if (kind == null) {
                return CheckedEvent.refused(event, RejectReason.INVALID_METER,
                        "meter " + meter.getKey() + " has unknown aggregation '" + meter.getAggregation() + "'");
            }
            PlanUsageCharge charge = chargeFor(plan, meter.getKey());
            if (charge == null) {
                continue;
            }
            Pricing pricing;
            try {
                pricing = pricingOf(plan, meter.getKey(), charge);
            } catch (IllegalArgumentException e) {
                return CheckedEvent.refused(event, RejectReason.INVALID_PRICE,
                        "plan " + plan.getKey() + "@" + plan.getVersion() + ", meter " + meter.getKey() + ": " + e.getMessage());
            }
            MeterReading reading = MeterReading.of(meter, kind, event, data);
            if (reading.isRefused()) {
                return CheckedEvent.refused(event, reading.reason(), reading.detail());
            }
            usages.add(new MeteredUsage(event.getTenant(), subscription.getId(), subscription.getCustomer(), meter.getKey(),
                    Groups.canonical(meter.getGroupBy(), data), pricing, calendar, reading.reading(), raw));
        }
        if (usages.isEmpty()) {
            return CheckedEvent.refused(event, RejectReason.NO_PRICE, "plan " + plan.getKey() + "@" + plan.getVersion()
                    + " prices none of the meters matching type '" + event.getType() + "'");
        }
        return CheckedEvent.resolved(event, usages);
    }

    /** A meter's aggregation by its catalog name, in any case; {@code null} when it names none. */
    private static AggregationKind kindOf(String name) {
        for (AggregationKind kind : AGGREGATIONS) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }

    /** The plan's usage charge of {@code meter}, or {@code null} when the plan does not price it. */
    private static PlanUsageCharge chargeFor(Plan plan, String meter) {
        for (PlanUsageCharge charge : plan.getUsageCharges()) {
            if (charge.getMeter().equals(meter)) {
                return charge;
            }
        }
        return null;
    }

    private Pricing pricingOf(Plan plan, String meter, PlanUsageCharge charge) {
        PricingKey key = new PricingKey(plan.getTenant(), plan.getKey(), plan.getVersion(), meter);
        Pricing cached = pricings.get(key);
        if (cached != null) {
            return cached;
        }
        Pricing pricing = Pricing.of(plan.getKey(), plan.getVersion(), plan.getCurrency(), plan.getRounding(), charge.getModel());
        if (pricings.size() >= MAX_CACHED_PRICINGS) {
            pricings.clear();
        }
        pricings.put(key, pricing);
        return pricing;
    }

    private List<Meter> matchingMeters(UsageEvent event, JsonNode data) {
        List<Meter> matching = new ArrayList<>();
        for (Meter meter : catalog.metersFor(event.getTenant(), event.getType())) {
            boolean all = meter.getFilters().entrySet().stream().allMatch(filter -> {
                JsonNode node = DataPaths.read(data, filter.getKey().toString());
                return node != null && DataPaths.text(node).equals(filter.getValue().toString());
            });
            if (all) {
                matching.add(meter);
            }
        }
        return matching;
    }

    private static Optional<SubscriptionPhase> phaseAt(Subscription subscription, Instant time) {
        return subscription.getPhases().stream()
                .filter(p -> !time.isBefore(p.getFrom()) && (p.getUntil() == null || time.isBefore(p.getUntil())))
                .findFirst();
    }

    /** A meter's reading of one event, or why there is none. */
    private record MeterReading(MeteredUsage.Reading reading, RejectReason reason, String detail) {

        static MeterReading of(Meter meter, AggregationKind kind, UsageEvent event, JsonNode data) {
            String path = meter.getValueProperty();
            if (kind == AggregationKind.COUNT) {
                return ok(event, kind, BigDecimal.ONE, event.getId());
            }
            if (path == null || path.isBlank()) {
                return refused(RejectReason.INVALID_METER, "meter " + meter.getKey() + " (" + kind + ") has no valueProperty");
            }
            JsonNode node = DataPaths.read(data, path);
            if (node == null) {
                return refused(RejectReason.VALUE_MISSING, "data." + path + " is missing (meter " + meter.getKey() + ")");
            }
            if (kind == AggregationKind.UNIQUE_COUNT) {
                return ok(event, kind, BigDecimal.ONE, DataPaths.text(node));
            }
            if (!node.isNumber() && !node.isTextual()) {
                return refused(RejectReason.VALUE_INVALID, "data." + path + " is not a number (meter " + meter.getKey() + ")");
            }
            try {
                BigDecimal value = node.isNumber() ? Quantities.requireValid(node.decimalValue()) : Quantities.parse(node.textValue());
                return ok(event, kind, value, value.stripTrailingZeros().toPlainString());
            } catch (IllegalArgumentException e) {
                return refused(RejectReason.VALUE_INVALID, "data." + path + ": " + e.getMessage() + " (meter " + meter.getKey() + ")");
            }
        }

        private static MeterReading ok(UsageEvent event, AggregationKind kind, BigDecimal value, String distinct) {
            return new MeterReading(new MeteredUsage.Reading(event.getId(), event.getTime(), kind.name(), value, distinct), null, null);
        }

        private static MeterReading refused(RejectReason reason, String detail) {
            return new MeterReading(null, reason, detail);
        }

        boolean isRefused() {
            return reason != null;
        }
    }
}
