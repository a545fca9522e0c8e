package io.valora.invoice.api;

import io.valora.invoice.subscriptions.Phase;
import io.valora.invoice.subscriptions.StoredSubscription;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of a subscription; {@code plan} and {@code planVersion} are the phase in force now.
 *
 * @param id          Valora's id
 * @param externalId  the client's id, or null
 * @param customer    the customer's external id
 * @param plan        plan key in force now
 * @param planVersion its version
 * @param timeZone    IANA zone of the periods
 * @param cadence     period length
 * @param anchor      local date-time that starts a period
 * @param startAt     ISO-8601 instant
 * @param endAt       ISO-8601 instant, or null while open-ended
 * @param trialEndAt  ISO-8601 instant, or null without trial
 * @param status      trialing, active, scheduled_cancel or cancelled
 * @param phases      every plan phase
 */
public record SubscriptionJson(String id, String externalId, String customer, String plan, int planVersion, String timeZone,
                               String cadence, String anchor, String startAt, String endAt, String trialEndAt,
                               String status, List<PhaseJson> phases) {

    /**
     * One phase.
     *
     * @param plan        plan key
     * @param planVersion version
     * @param from        inclusive start
     * @param until       exclusive end, or null for the open-ended phase
     */
    public record PhaseJson(String plan, int planVersion, String from, String until) {
    }

    static SubscriptionJson of(StoredSubscription s, Instant now) {
        Phase current = s.phaseAt(now);
        return new SubscriptionJson(s.id(), s.externalId().orElse(null), s.customer(), current.plan(), current.planVersion(),
                s.timeZone().getId(), s.cadence().name(), s.anchor().toString(), s.startAt().toString(),
                s.endAt().map(Instant::toString).orElse(null), s.trialEndAt().map(Instant::toString).orElse(null),
                s.status(now).code(), s.phases().stream().map(p -> new PhaseJson(p.plan(), p.planVersion(),
                        p.from().toString(), p.until().map(Instant::toString).orElse(null))).toList());
    }
}
