package io.valora.rating.topology;

import io.valora.schemas.UsageEvent;

/**
 * A de-duplicated event with the reason it cannot be rated, if any. Passed only between
 * processors of one sub-topology (never serialised), so the reason is found once and the split
 * into rated and rejected events needs no second look at the data.
 *
 * @param event the usage event
 * @param refusal why it goes to the rejected topic, or {@code null} when it can be rated
 */
record CheckedEvent(UsageEvent event, String refusal) {

    static CheckedEvent accepted(UsageEvent event) {
        return new CheckedEvent(event, null);
    }

    boolean isRefused() {
        return refusal != null;
    }
}
