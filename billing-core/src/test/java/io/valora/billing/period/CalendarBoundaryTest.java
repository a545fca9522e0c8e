package io.valora.billing.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calendar-aligned periods at 23:59, 00:00 and 00:01 local time, for every cadence. */
class CalendarBoundaryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @ParameterizedTest(name = "{0} at {1} is in [{2}, {3})")
    @CsvSource({
            "DAILY,   2024-05-09T23:59,              2024-05-09T00:00, 2024-05-10T00:00",
            "DAILY,   2024-05-09T23:59:59.999999999, 2024-05-09T00:00, 2024-05-10T00:00",
            "DAILY,   2024-05-10T00:00,              2024-05-10T00:00, 2024-05-11T00:00",
            "DAILY,   2024-05-10T00:01,              2024-05-10T00:00, 2024-05-11T00:00",
            "WEEKLY,  2024-05-12T23:59,              2024-05-06T00:00, 2024-05-13T00:00",
            "WEEKLY,  2024-05-13T00:00,              2024-05-13T00:00, 2024-05-20T00:00",
            "WEEKLY,  2024-05-13T00:01,              2024-05-13T00:00, 2024-05-20T00:00",
            "MONTHLY, 2024-04-30T23:59,              2024-04-01T00:00, 2024-05-01T00:00",
            "MONTHLY, 2024-05-01T00:00,              2024-05-01T00:00, 2024-06-01T00:00",
            "MONTHLY, 2024-05-01T00:01,              2024-05-01T00:00, 2024-06-01T00:00",
            "MONTHLY, 2024-02-29T23:59,              2024-02-01T00:00, 2024-03-01T00:00",
            "MONTHLY, 2024-03-01T00:00,              2024-03-01T00:00, 2024-04-01T00:00",
            "MONTHLY, 2023-02-28T23:59,              2023-02-01T00:00, 2023-03-01T00:00",
            "YEARLY,  2024-12-31T23:59,              2024-01-01T00:00, 2025-01-01T00:00",
            "YEARLY,  2025-01-01T00:00,              2025-01-01T00:00, 2026-01-01T00:00",
            "YEARLY,  2025-01-01T00:01,              2025-01-01T00:00, 2026-01-01T00:00",
            "YEARLY,  1969-06-15T12:00,              1969-01-01T00:00, 1970-01-01T00:00",
    })
    void cutsPeriodsAtLocalMidnight(Cadence cadence, String at, String start, String end) {
        BillingPeriod period = BillingCalendar.calendarAligned(cadence, BERLIN).periodContaining(berlin(at));

        assertThat(period).isEqualTo(new BillingPeriod(berlin(start), berlin(end)));
        assertThat(period.contains(berlin(at))).isTrue();
    }

    @ParameterizedTest(name = "{0}: the end instant {1} belongs to the next period")
    @CsvSource({"DAILY, 2024-05-10T00:00", "WEEKLY, 2024-05-13T00:00", "MONTHLY, 2024-05-01T00:00",
            "YEARLY, 2025-01-01T00:00"})
    void endIsExclusiveAndStartIsInclusive(Cadence cadence, String boundary) {
        BillingCalendar calendar = BillingCalendar.calendarAligned(cadence, BERLIN);
        Instant edge = berlin(boundary);

        BillingPeriod before = calendar.periodContaining(edge.minusNanos(1));
        BillingPeriod after = calendar.periodContaining(edge);

        assertThat(before.end()).isEqualTo(edge);
        assertThat(before.contains(edge)).isFalse();
        assertThat(after.start()).isEqualTo(edge);
        assertThat(calendar.periodAfter(before)).isEqualTo(after);
    }
}
