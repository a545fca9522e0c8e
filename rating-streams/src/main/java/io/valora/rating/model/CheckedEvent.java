package io.valora.rating.model;

import io.valora.rating.deadletter.DeadLetter;
import io.valora.schemas.UsageEvent;
import java.util.List;

/**
 * A usage event with the outcome of its checks: the metered usages it contributes (one per matching,
 * priced meter), the reason it is rejected, or the dead letter of a failure. Passed only between
 * processors of one sub-topology (never serialised), so the outcome is found once and the split
 * into rated, rejected and failed events needs no second look at the data.
 *
 * @param event the usage event; {@code null} only when its bytes could not be decoded
 * @param raw the event's bytes as read from {@code usage-events} (for dead letters), or {@code null}
 * @param reason why it goes to the rejected topic, or {@code null} when it can be rated
 * @param detail a sentence for operators, or {@code null}
 * @param usages what it contributes when accepted; empty when refused or not resolved yet
 * @param deadLetter the failure that sends it to the dead-letter topic, or {@code null}
 */
public record CheckedEvent(UsageEvent event, byte[] raw, RejectReason reason, String detail, List<MeteredUsage> usages,
        DeadLetter deadLetter) {

    /** Passed de-duplication; not resolved yet. */
    public static CheckedEvent fresh(UsageEvent event, byte[] raw) {
        return new CheckedEvent(event, raw, null, null, List.of(), null);
    }

    public static CheckedEvent refused(UsageEvent event, RejectReason reason, String detail) {
        return new CheckedEvent(event, null, reason, detail, List.of(), null);
    }

    public static CheckedEvent resolved(UsageEvent event, List<MeteredUsage> usages) {
        return new CheckedEvent(event, null, null, null, List.copyOf(usages), null);
    }

    /** Could not be processed: goes to the dead-letter topic. */
    public static CheckedEvent failed(UsageEvent event, DeadLetter deadLetter) {
        return new CheckedEvent(event, null, null, null, List.of(), deadLetter);
    }

    public boolean isRefused() {
        return reason != null;
    }

    public boolean isFailed() {
        return deadLetter != null;
    }

    /** Neither refused nor failed. */
    public boolean isAccepted() {
        return reason == null && deadLetter == null;
    }
}
