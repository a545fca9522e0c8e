package io.valora.rating.topology;

import io.valora.schemas.UsageEvent;
import java.util.List;

/**
 * A usage event with the outcome of its checks: either the metered usages it contributes (one per
 * matching, priced meter) or the reason it is rejected. Passed only between processors of one
 * sub-topology (never serialised), so the reason is found once and the split into rated and
 * rejected events needs no second look at the data.
 *
 * @param event the usage event
 * @param reason why it goes to the rejected topic, or {@code null} when it can be rated
 * @param detail a sentence for operators, or {@code null}
 * @param usages what it contributes when accepted; empty when refused or not resolved yet
 */
record CheckedEvent(UsageEvent event, RejectReason reason, String detail, List<MeteredUsage> usages) {

    /** Passed de-duplication; not resolved yet. */
    static CheckedEvent fresh(UsageEvent event) {
        return new CheckedEvent(event, null, null, List.of());
    }

    static CheckedEvent refused(UsageEvent event, RejectReason reason, String detail) {
        return new CheckedEvent(event, reason, detail, List.of());
    }

    static CheckedEvent resolved(UsageEvent event, List<MeteredUsage> usages) {
        return new CheckedEvent(event, null, null, List.copyOf(usages));
    }

    boolean isRefused() {
        return reason != null;
    }
}
