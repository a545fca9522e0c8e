package io.valora.invoice.subscriptions;

import io.valora.billing.period.BillingPeriod;
import io.valora.billing.period.Cadence;
import io.valora.billing.period.ZonedBillingCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's subscription: its calendar (cadence, zone, anchor), its dates and its plan phases.
 *
 * <p>Why it exists: the period close, the API and the published record all read a subscription
 * the same way; the rules that follow from its dates (status, phases in a period, the billable
 * part of a period) live here, pure.
 *
 * @param tenant     the tenant
 * @param id         Valora's id ({@code sub_…})
 * @param externalId the adopting application's id, if given
 * @param customer   the customer's external id
 * @param timeZone   zone of the billing periods (the customer's at creation)
 * @param cadence    billing period length
 * @param anchor     a local date-time that starts a period
 * @param startAt    inclusive start
 * @param endAt      exclusive end once cancelled
 * @param trialEndAt end of the trial (no flat fees before it)
 * @param phases     plan phases, ascending and contiguous, the first from {@code startAt}
 * @param createdAt  creation time
 * @param updatedAt  last change
 */
public record StoredSubscription(String tenant, String id, Optional<String> externalId, String customer, ZoneId timeZone,
                                 Cadence cadence, LocalDateTime anchor, Instant startAt, Optional<Instant> endAt,
                                 Optional<Instant> trialEndAt, List<Phase> phases, Instant createdAt, Instant updatedAt) {

    /** Requires the parts and at least one phase. */
    public StoredSubscription {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(startAt, "startAt");
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("a subscription has at least one phase");
        }
    }

    /** The calendar of its billing periods. */
    public ZonedBillingCalendar calendar() {
        return new ZonedBillingCalendar(cadence, timeZone, anchor);
    }

    /** Its status at {@code now}. */
    public SubscriptionStatus status(Instant now) {
        if (endAt.isPresent()) {
            return endAt.get().isAfter(now) ? SubscriptionStatus.SCHEDULED_CANCEL : SubscriptionStatus.CANCELLED;
        }
        return trialEndAt.filter(now::isBefore).isPresent() ? SubscriptionStatus.TRIALING : SubscriptionStatus.ACTIVE;
    }

    /** The phase in force at {@code t}; before the start the first, after the end the last. */
    public Phase phaseAt(Instant t) {
        for (Phase phase : phases) {
            if (phase.contains(t)) {
                return phase;
            }
        }
        return t.isBefore(startAt) ? phases.get(0) : phases.get(phases.size() - 1);
    }

    /** True when some of {@code period} lies within {@code [startAt, endAt)}. */
    public boolean overlaps(BillingPeriod period) {
        return startAt.isBefore(period.end()) && endAt.map(end -> end.isAfter(period.start())).orElse(true);
    }

    /** The same subscription with other phases, end and update time. */
    public StoredSubscription with(List<Phase> newPhases, Optional<Instant> newEndAt, Instant now) {
        return new StoredSubscription(tenant, id, externalId, customer, timeZone, cadence, anchor, startAt, newEndAt,
                trialEndAt, newPhases, createdAt, now);
    }

    /**
     * The phases after switching to {@code plan@version} at {@code effective}: phases that would
     * start at or after it are dropped (a later change replaces a scheduled one), the phase in
     * force is cut at it, and the new phase runs from it until the end (if any).
     */
    public List<Phase> phasesSwitchingAt(Instant effective, String plan, int version) {
        Instant from = effective.isBefore(startAt) ? startAt : effective;
        List<Phase> kept = new ArrayList<>();
        for (Phase phase : phases) {
            if (phase.from().isBefore(from)) {
                kept.add(phase.until().filter(u -> !u.isAfter(from)).isPresent() ? phase : phase.endingAt(from));
            }
        }
        kept.add(new Phase(plan, version, from, endAt));
        return kept;
    }

    /** The phases when the subscription ends at {@code end}: later phases dropped, the last cut at it. */
    public List<Phase> phasesEndingAt(Instant end) {
        List<Phase> kept = new ArrayList<>();
        for (Phase phase : phases) {
            if (phase.from().isBefore(end)) {
                kept.add(phase.until().filter(u -> !u.isAfter(end)).isPresent() ? phase : phase.endingAt(end));
            }
        }
        if (kept.isEmpty()) {
            // Cancelled before it started: keep the first phase as an empty record of what was planned.
            Phase first = phases.get(0);
            kept.add(new Phase(first.plan(), first.planVersion(), first.from(), Optional.empty()));
        }
        return kept;
    }
}
