package io.valora.rating.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Where ids are written and read: a retry within the retention always finds its id, in three reads or fewer. */
class DedupSlotsTest {

    private static final Duration RETENTION = Duration.ofDays(35);
    private static final long RETENTION_MS = RETENTION.toMillis();
    private final DedupSlots slots = new DedupSlots(RETENTION);

    @Property(tries = 2000)
    void aRetryWithinTheRetentionReadsTheSlotItsOriginalWasWrittenAt(
            @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long acceptedAt,
            @ForAll @LongRange(min = 0, max = 35L * 24 * 3600 * 1000) long later) {
        long retriedAt = acceptedAt + later;
        long written = slots.slotOf(acceptedAt);

        assertThat(slots.slotsToCheck(retriedAt)).contains(written).hasSizeLessThanOrEqualTo(3);
        // and the store still holds it: its timestamp is within the store's retention of the newest write
        assertThat(written).isGreaterThan(slots.slotOf(retriedAt) - slots.storeRetention().toMillis());
    }

    @Test
    void shouldWriteAtTheStartOfHalfRetentionSlotsAndKeepOneSlotMore() {
        long slot = RETENTION_MS / 2;

        assertThat(slots.slotOf(5 * slot + 7)).isEqualTo(5 * slot);
        assertThat(slots.slotOf(5 * slot)).isEqualTo(5 * slot);
        assertThat(slots.storeRetention()).isEqualTo(RETENTION.plus(Duration.ofMillis(slot)));
        assertThat(slots.slotsToCheck(5 * slot + 7)).containsExactly(5 * slot, 4 * slot, 3 * slot);
        assertThatThrownBy(() -> new DedupSlots(Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
