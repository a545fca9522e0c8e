package io.valora.billing.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MonthlyCalendarTest {

    private static Instant local(String dateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(dateTime), zone).toInstant();
    }

    @ParameterizedTest(name = "{1} in {0} is in [{2}, {3})")
    @CsvSource({
            "UTC,              2024-03-31T23:59:59, 2024-03-01T00:00, 2024-04-01T00:00",
            "UTC,              2024-04-01T00:00,    2024-04-01T00:00, 2024-05-01T00:00",
            "UTC,              2024-04-01T00:01,    2024-04-01T00:00, 2024-05-01T00:00",
            "UTC,              2024-02-29T12:00,    2024-02-01T00:00, 2024-03-01T00:00",
            "America/New_York, 2024-01-31T23:59,    2024-01-01T00:00, 2024-02-01T00:00",
            "America/New_York, 2024-02-01T00:00,    2024-02-01T00:00, 2024-03-01T00:00",
            "Europe/Berlin,    2024-03-31T02:30,    2024-03-01T00:00, 2024-04-01T00:00",
            "Asia/Kolkata,     2024-12-31T23:59:59, 2024-12-01T00:00, 2025-01-01T00:00",
            "Asia/Kolkata,     2025-01-01T00:00,    2025-01-01T00:00, 2025-02-01T00:00",
    })
    void cutsCalendarMonthsAtLocalMidnight(String zoneId, String at, String start, String end) {
        ZoneId zone = ZoneId.of(zoneId);

        BillingPeriod period = BillingCalendar.monthly(zone).periodContaining(local(at, zone));

        assertThat(period).isEqualTo(new BillingPeriod(local(start, zone), local(end, zone)));
    }

    @ParameterizedTest(name = "midnight UTC Apr 1 in {0} is in the month starting {1}")
    @CsvSource({
            "America/New_York, 2024-03-01T00:00",
            "Asia/Kolkata,     2024-04-01T00:00",
            "UTC,              2024-04-01T00:00",
    })
    void sameInstantFallsInTheCustomersLocalMonth(String zoneId, String expectedStart) {
        ZoneId zone = ZoneId.of(zoneId);

        BillingPeriod period = BillingCalendar.monthly(zone).periodContaining(Instant.parse("2024-04-01T00:00:00Z"));

        assertThat(period.start()).isEqualTo(local(expectedStart, zone));
    }
}
