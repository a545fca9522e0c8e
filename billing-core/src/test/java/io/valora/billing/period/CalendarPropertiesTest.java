package io.valora.billing.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every instant is in exactly one period; periods are contiguous and of plausible length. */
class CalendarPropertiesTest {

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham",
                "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia").map(ZoneId::of);
    }

    @Property(tries = 500)
    void periodsContainTheirInstantAndTileTimeWithoutGaps(
            @ForAll("zones") ZoneId zone,
            @ForAll Cadence cadence,
            @ForAll @LongRange(min = 946_684_800L, max = 2_524_608_000L) long epochSecond,
            @ForAll @IntRange(min = 1, max = 31) int anchorDay,
            @ForAll @IntRange(min = 0, max = 23) int anchorHour,
            @ForAll boolean aligned) {
        BillingCalendar calendar = aligned
                ? BillingCalendar.calendarAligned(cadence, zone)
                : BillingCalendar.anchored(cadence, zone, LocalDateTime.of(2011, 1, anchorDay, anchorHour, 30));
        Instant t = Instant.ofEpochSecond(epochSecond);

        BillingPeriod period = calendar.periodContaining(t);
        BillingPeriod next = calendar.periodAfter(period);

        assertThat(period.contains(t)).isTrue();
        assertThat(next.start()).isEqualTo(period.end());
        assertThat(calendar.periodContaining(period.end().minusNanos(1))).isEqualTo(period);
        assertThat(calendar.periodContaining(period.start())).isEqualTo(period);
        Duration length = period.duration();
        Duration shortest = switch (cadence) {
            case DAILY -> Duration.ofHours(22);
            case WEEKLY -> Duration.ofDays(6);
            case MONTHLY -> Duration.ofDays(27);
            case YEARLY -> Duration.ofDays(364);
        };
        Duration longest = switch (cadence) {
            case DAILY -> Duration.ofHours(26);
            case WEEKLY -> Duration.ofDays(8);
            case MONTHLY -> Duration.ofDays(32);
            case YEARLY -> Duration.ofDays(367);
        };
        assertThat(length).isBetween(shortest, longest);
    }
}
