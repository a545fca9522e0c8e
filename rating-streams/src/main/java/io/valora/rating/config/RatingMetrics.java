package io.valora.rating.config;

import io.valora.rating.model.RejectReason;

/**
 * What the topology reports while it runs. A port, so the topology stays plain Java and the
 * application decides where the numbers go (Micrometer in the service, counters in tests).
 */
public interface RatingMetrics {

    /** Nothing is recorded. */
    RatingMetrics NONE = new RatingMetrics() {
        @Override
        public void duplicateDropped() {
        }

        @Override
        public void eventRejected(RejectReason reason) {
        }
    };

    /** An event whose (tenant, id) was already seen was dropped. */
    void duplicateDropped();

    /** An event was sent to the rejected topic for this reason. */
    void eventRejected(RejectReason reason);

    /** An event arrived after its period was final and became part of an adjustment charge. */
    default void lateEventAdjusted() {
    }

    /** A charge was emitted final because its period's end plus the grace passed. */
    default void chargeFinalized() {
    }

    /** A record was sent to the dead-letter topic because {@code stage} (a processor or catalog updater) failed on it. */
    default void deadLettered(String stage) {
    }
}
