package io.valora.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

    /** The gateway's card-data check looks at 13-19 digits, unbroken or joined by single spaces or dashes. */
    private static final int CARD_MIN_DIGITS = 13;

    @Test
    void eventIdsNeverHoldADigitRunACardCheckCouldLookAt() {
        List<Long> counters = new ArrayList<>(List.of(0L, 1L, 9_999L, 10_000L, 999_999_999_999L, 1_000_000_000_000L,
                4_111_111_111_111_111L, Long.MAX_VALUE));
        Random random = new Random(20261124L);
        for (int i = 0; i < 100_000; i++) {
            counters.add(random.nextLong() & Long.MAX_VALUE);
        }
        for (String runId : List.of("bench-99999999", "bench-1a2b3c4d", "bench-abcdef01")) {
            for (long n : counters) {
                String id = EventPayloads.eventId(runId, n);
                assertThat(longestJoinedDigitRun(id)).as(id).isLessThan(CARD_MIN_DIGITS);
                assertThat(id.substring(runId.length() + 1).replace(".", "")).as(id).isEqualTo(Long.toString(n));
            }
        }
    }

    @Test
    void groupsTheCounterInFoursFromTheRight() {
        assertThat(EventPayloads.eventId("bench-x", 7)).isEqualTo("bench-x_7");
        assertThat(EventPayloads.eventId("bench-x", 1234)).isEqualTo("bench-x_1234");
        assertThat(EventPayloads.eventId("bench-x", 1234567890L)).isEqualTo("bench-x_12.3456.7890");
    }

    @Test
    void everyPayloadCarriesSuchAnId() {
        String event = EventPayloads.cloudEvent("bench-12345678");
        String id = event.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(id).startsWith("bench-12345678_");
        assertThat(EventPayloads.avro("bench-12345678").getId()).startsWith("bench-12345678_");
    }

    /** Digits counted across single space or dash separators, as the card check joins them. */
    private static int longestJoinedDigitRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                run++;
                longest = Math.max(longest, run);
            } else if (!((c == ' ' || c == '-') && run > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                run = 0;
            }
        }
        return longest;
    }
}
