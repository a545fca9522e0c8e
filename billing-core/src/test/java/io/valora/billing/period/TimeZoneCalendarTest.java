package io.valora.billing.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Periods across both DST transitions in America/New_York and Europe/Berlin, and in zones with
 * half- and three-quarter-hour offsets (Asia/Kolkata +05:30, Pacific/Chatham +12:45/+13:45).
 * Expected instants are written in UTC, worked out by hand from the zones' published rules.
 */
class TimeZoneCalendarTest {

    @ParameterizedTest(name = "{0} {1}: {2} is in [{3}, {4}), {5} h")
    @CsvSource({
            // New York, spring forward 2024-03-10 02:00 EST -> 03:00 EDT: a 23-hour day.
            "America/New_York, DAILY,   2024-03-10T06:59:59Z, 2024-03-10T05:00:00Z, 2024-03-11T04:00:00Z, 23",
            "America/New_York, DAILY,   2024-03-10T07:00:00Z, 2024-03-10T05:00:00Z, 2024-03-11T04:00:00Z, 23",
            "America/New_York, MONTHLY, 2024-03-31T12:00:00Z, 2024-03-01T05:00:00Z, 2024-04-01T04:00:00Z, 743",
            // New York, fall back 2024-11-03 02:00 EDT -> 01:00 EST: a 25-hour day; 01:30 happens twice.
            "America/New_York, DAILY,   2024-11-03T05:30:00Z, 2024-11-03T04:00:00Z, 2024-11-04T05:00:00Z, 25",
            "America/New_York, DAILY,   2024-11-03T06:30:00Z, 2024-11-03T04:00:00Z, 2024-11-04T05:00:00Z, 25",
            "America/New_York, MONTHLY, 2024-11-15T00:00:00Z, 2024-11-01T04:00:00Z, 2024-12-01T05:00:00Z, 721",
            // Local 23:59 / 00:00 on the last day of October in New York (EDT, -04:00).
            "America/New_York, MONTHLY, 2024-11-01T03:59:00Z, 2024-10-01T04:00:00Z, 2024-11-01T04:00:00Z, 744",
            "America/New_York, MONTHLY, 2024-11-01T04:00:00Z, 2024-11-01T04:00:00Z, 2024-12-01T05:00:00Z, 721",
            // Berlin, spring forward 2024-03-31 02:00 CET -> 03:00 CEST.
            "Europe/Berlin,    DAILY,   2024-03-31T00:59:59Z, 2024-03-30T23:00:00Z, 2024-03-31T22:00:00Z, 23",
            "Europe/Berlin,    DAILY,   2024-03-31T01:00:00Z, 2024-03-30T23:00:00Z, 2024-03-31T22:00:00Z, 23",
            "Europe/Berlin,    MONTHLY, 2024-03-31T21:59:00Z, 2024-02-29T23:00:00Z, 2024-03-31T22:00:00Z, 743",
            "Europe/Berlin,    MONTHLY, 2024-03-31T22:00:00Z, 2024-03-31T22:00:00Z, 2024-04-30T22:00:00Z, 720",
            // Berlin, fall back 2024-10-27 03:00 CEST -> 02:00 CET.
            "Europe/Berlin,    DAILY,   2024-10-27T00:30:00Z, 2024-10-26T22:00:00Z, 2024-10-27T23:00:00Z, 25",
            "Europe/Berlin,    DAILY,   2024-10-27T01:30:00Z, 2024-10-26T22:00:00Z, 2024-10-27T23:00:00Z, 25",
            "Europe/Berlin,    MONTHLY, 2024-10-31T22:59:00Z, 2024-09-30T22:00:00Z, 2024-10-31T23:00:00Z, 745",
            "Europe/Berlin,    WEEKLY,  2024-10-27T12:00:00Z, 2024-10-20T22:00:00Z, 2024-10-27T23:00:00Z, 169",
            // Kolkata +05:30, no DST: 23:59, 00:00 and 00:01 local on May 1.
            "Asia/Kolkata,     MONTHLY, 2024-04-30T18:29:00Z, 2024-03-31T18:30:00Z, 2024-04-30T18:30:00Z, 720",
            "Asia/Kolkata,     MONTHLY, 2024-04-30T18:30:00Z, 2024-04-30T18:30:00Z, 2024-05-31T18:30:00Z, 744",
            "Asia/Kolkata,     MONTHLY, 2024-04-30T18:31:00Z, 2024-04-30T18:30:00Z, 2024-05-31T18:30:00Z, 744",
            "Asia/Kolkata,     DAILY,   2024-02-28T18:30:00Z, 2024-02-28T18:30:00Z, 2024-02-29T18:30:00Z, 24",
            // Chatham +13:45 (CHADT) until 2024-04-07 03:45 local, then +12:45 (CHAST).
            "Pacific/Chatham,  MONTHLY, 2024-03-31T10:14:00Z, 2024-02-29T10:15:00Z, 2024-03-31T10:15:00Z, 744",
            "Pacific/Chatham,  MONTHLY, 2024-03-31T10:15:00Z, 2024-03-31T10:15:00Z, 2024-04-30T11:15:00Z, 721",
            "Pacific/Chatham,  DAILY,   2024-04-06T20:00:00Z, 2024-04-06T10:15:00Z, 2024-04-07T11:15:00Z, 25",
            // Chatham back to +13:45 on 2024-09-29 02:45 local: a 23-hour day.
            "Pacific/Chatham,  DAILY,   2024-09-28T20:00:00Z, 2024-09-28T11:15:00Z, 2024-09-29T10:15:00Z, 23",
    })
    void followsTheCustomersZoneAcrossOffsetChanges(String zone, Cadence cadence, String at, String start, String end,
                                                    long hours) {
        BillingPeriod period = BillingCalendar.calendarAligned(cadence, ZoneId.of(zone)).periodContaining(Instant.parse(at));

        assertThat(period).isEqualTo(new BillingPeriod(Instant.parse(start), Instant.parse(end)));
        assertThat(period.duration()).isEqualTo(Duration.ofHours(hours));
    }

    @ParameterizedTest(name = "daily anchor at {1} in {0}: {2} is in [{3}, {4})")
    @CsvSource({
            // 02:30 does not exist on 2024-03-10 in New York: that boundary moves forward to 03:30 EDT.
            "America/New_York, 2024-03-01T02:30, 2024-03-10T07:00:00Z, 2024-03-09T07:30:00Z, 2024-03-10T07:30:00Z",
            "America/New_York, 2024-03-01T02:30, 2024-03-10T07:30:00Z, 2024-03-10T07:30:00Z, 2024-03-11T06:30:00Z",
            // 01:30 happens twice on 2024-11-03 in New York: the boundary takes the earlier (EDT) one.
            "America/New_York, 2024-10-01T01:30, 2024-11-03T06:00:00Z, 2024-11-03T05:30:00Z, 2024-11-04T06:30:00Z",
            "America/New_York, 2024-10-01T01:30, 2024-11-03T05:29:59Z, 2024-11-02T05:30:00Z, 2024-11-03T05:30:00Z",
            // 02:30 does not exist on 2024-03-31 in Berlin; 02:30 happens twice on 2024-10-27.
            "Europe/Berlin,    2024-03-01T02:30, 2024-03-31T01:00:00Z, 2024-03-30T01:30:00Z, 2024-03-31T01:30:00Z",
            "Europe/Berlin,    2024-10-01T02:30, 2024-10-27T01:00:00Z, 2024-10-27T00:30:00Z, 2024-10-28T01:30:00Z",
    })
    void anchoredBoundariesInDstGapsAndOverlapsAreWellDefined(String zone, String anchor, String at, String start,
                                                              String end) {
        BillingCalendar calendar = BillingCalendar.anchored(Cadence.DAILY, ZoneId.of(zone), LocalDateTime.parse(anchor));

        BillingPeriod period = calendar.periodContaining(Instant.parse(at));

        assertThat(period).isEqualTo(new BillingPeriod(Instant.parse(start), Instant.parse(end)));
    }

    @org.junit.jupiter.api.Test
    void aDaySkippedByTheZoneMakesNoEmptyPeriod() {
        // Samoa skipped 2011-12-30 entirely, moving from -10:00 to +14:00.
        BillingCalendar daily = BillingCalendar.calendarAligned(Cadence.DAILY, ZoneId.of("Pacific/Apia"));

        BillingPeriod dec29 = daily.periodContaining(Instant.parse("2011-12-30T09:59:59Z"));
        BillingPeriod dec31 = daily.periodAfter(dec29);

        assertThat(dec29).isEqualTo(new BillingPeriod(Instant.parse("2011-12-29T10:00:00Z"),
                Instant.parse("2011-12-30T10:00:00Z")));
        assertThat(dec31).isEqualTo(new BillingPeriod(Instant.parse("2011-12-30T10:00:00Z"),
                Instant.parse("2011-12-31T10:00:00Z")));
    }
}
