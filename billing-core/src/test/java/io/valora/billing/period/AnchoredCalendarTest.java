package io.valora.billing.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anniversary-anchored periods: clamping on short months, Feb 29, time-of-day anchors. */
class AnchoredCalendarTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    private static List<String> starts(BillingCalendar calendar, Instant first, int count) {
        List<String> starts = new ArrayList<>();
        BillingPeriod period = calendar.periodContaining(first);
        for (int i = 0; i < count; i++) {
            starts.add(LocalDateTime.ofInstant(period.start(), UTC).toString());
            period = calendar.periodAfter(period);
        }
        return starts;
    }

    @Test
    void anchorOnThe31stClampsToShortMonthsAndReturnsToThe31st() {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.MONTHLY, UTC, LocalDateTime.parse("2024-01-31T00:00"));

        assertThat(starts(calendar, Instant.parse("2024-01-31T00:00:00Z"), 6)).containsExactly(
                "2024-01-31T00:00", "2024-02-29T00:00", "2024-03-31T00:00",
                "2024-04-30T00:00", "2024-05-31T00:00", "2024-06-30T00:00");
    }

    @Test
    void anchorOnThe31stInANonLeapYearClampsToThe28th() {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.MONTHLY, UTC, LocalDateTime.parse("2023-01-31T00:00"));

        assertThat(starts(calendar, Instant.parse("2023-02-15T00:00:00Z"), 3))
                .containsExactly("2023-01-31T00:00", "2023-02-28T00:00", "2023-03-31T00:00");
    }

    @ParameterizedTest(name = "anchor on the {0}th: {1} is in [{2}, {3})")
    @CsvSource({
            "30, 2024-02-29T23:59, 2024-02-29T00:00, 2024-03-30T00:00",
            "30, 2024-02-28T23:59, 2024-01-30T00:00, 2024-02-29T00:00",
            "29, 2023-02-28T00:00, 2023-02-28T00:00, 2023-03-29T00:00",
            "29, 2023-03-28T23:59, 2023-02-28T00:00, 2023-03-29T00:00",
            "31, 2024-04-30T00:00, 2024-04-30T00:00, 2024-05-31T00:00",
            "31, 2024-04-29T23:59, 2024-03-31T00:00, 2024-04-30T00:00",
    })
    void anchorsAtTheMonthEndClampWithoutGapsOrOverlaps(int day, String at, String start, String end) {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.MONTHLY, UTC, LocalDateTime.of(2022, 12, day, 0, 0));

        BillingPeriod period = calendar.periodContaining(Instant.parse(at + ":00Z"));

        assertThat(period).isEqualTo(new BillingPeriod(Instant.parse(start + ":00Z"), Instant.parse(end + ":00Z")));
    }

    @Test
    void yearlyAnchorOnFeb29ReturnsToFeb29InLeapYears() {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.YEARLY, UTC, LocalDateTime.parse("2024-02-29T00:00"));

        assertThat(starts(calendar, Instant.parse("2024-03-01T00:00:00Z"), 5)).containsExactly(
                "2024-02-29T00:00", "2025-02-28T00:00", "2026-02-28T00:00", "2027-02-28T00:00", "2028-02-29T00:00");
    }

    @Test
    void anchorKeepsTheSubscriptionsLocalTimeOfDay() {
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant subscribed = ZonedDateTime.of(LocalDateTime.parse("2024-01-31T14:30"), newYork).toInstant();
        BillingCalendar calendar = BillingCalendar.anchoredAt(Cadence.MONTHLY, newYork, subscribed);

        BillingPeriod first = calendar.periodContaining(subscribed);
        BillingPeriod second = calendar.periodAfter(first);

        assertThat(first.start()).isEqualTo(subscribed);
        assertThat(second.start()).isEqualTo(Instant.parse("2024-02-29T19:30:00Z"));
        assertThat(calendar.periodContaining(Instant.parse("2024-02-29T19:29:59Z"))).isEqualTo(first);
        assertThat(calendar.periodAfter(second).start()).isEqualTo(Instant.parse("2024-03-31T18:30:00Z"));
    }

    @Test
    void weeklyAnchorOnAWednesdayStaysOnWednesdays() {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.WEEKLY, UTC, LocalDateTime.parse("2024-05-08T09:00"));

        BillingPeriod period = calendar.periodContaining(Instant.parse("2024-04-30T12:00:00Z"));

        assertThat(period).isEqualTo(new BillingPeriod(Instant.parse("2024-04-24T09:00:00Z"),
                Instant.parse("2024-05-01T09:00:00Z")));
    }

    @Test
    void periodsBeforeTheAnchorAreCutTheSameWay() {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.MONTHLY, UTC, LocalDateTime.parse("2024-03-31T00:00"));

        BillingPeriod period = calendar.periodContaining(Instant.parse("2024-03-15T00:00:00Z"));

        assertThat(period).isEqualTo(new BillingPeriod(Instant.parse("2024-02-29T00:00:00Z"),
                Instant.parse("2024-03-31T00:00:00Z")));
    }
}
