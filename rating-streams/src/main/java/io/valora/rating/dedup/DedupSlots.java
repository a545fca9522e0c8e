package io.valora.rating.dedup;

import java.time.Duration;
import java.util.Arrays;

/**
 * Where de-duplication remembers an event id in its window store, so that checking an id costs a few
 * point reads instead of a range scan. An id is written at the start of the current <i>slot</i> of
 * stream time (slots are half the retention long), and a check reads the id at the start of every
 * slot that may still hold it. RocksDB answers a point read of an absent key from its Bloom filters;
 * a range scan over event times, as before, opened an iterator on every live segment for every
 * event, which was the largest single cost of rating.
 *
 * <p>What is promised: an id is remembered for at least the retention of stream time after it was
 * accepted, whatever event time a retry carries. The store keeps slots for the retention plus one
 * slot ({@link #storeRetention}), so an id written late in a slot does not expire early; ids are
 * kept between one and one and a half retentions. Together with the rule that usage older than the
 * retention behind stream time is refused ({@link UsageDeduplicator}), a retry can never find its
 * id forgotten: the original was accepted at a stream time no earlier than its own event time.
 */
public final class DedupSlots {

    private final Duration retention;
    private final long slotMs;
    private final long storeRetentionMs;

    public DedupSlots(Duration retention) {
        this.retention = retention;
        long retentionMs = retention.toMillis();
        if (retentionMs < 2) {
            throw new IllegalArgumentException("the de-duplication retention must be at least 2 ms");
        }
        this.slotMs = retentionMs / 2;
        this.storeRetentionMs = retentionMs + slotMs;
    }

    /** How long an accepted id is remembered at least (stream time). */
    public Duration retention() {
        return retention;
    }

    /** How long the window store keeps what it was given: the retention plus one slot. */
    public Duration storeRetention() {
        return Duration.ofMillis(storeRetentionMs);
    }

    /** The store timestamp an id accepted at {@code streamTime} is written at. */
    public long slotOf(long streamTime) {
        return streamTime - Math.floorMod(streamTime, slotMs);
    }

    /** The store timestamps that may hold an id accepted before {@code streamTime}, newest first (three; four when the retention is odd and stream time sits on a slot start). */
    public long[] slotsToCheck(long streamTime) {
        long newest = slotOf(streamTime);
        long oldestAllowed = streamTime - storeRetentionMs; // exclusive
        int count = 0;
        long[] slots = new long[4];
        for (long slot = newest; slot > oldestAllowed && count < slots.length; slot -= slotMs) {
            slots[count++] = slot;
        }
        return Arrays.copyOf(slots, count);
    }
}
