package io.valora.billing.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valora.billing.money.Money;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProrationTest {

    private static final BillingPeriod APRIL = new BillingPeriod(
            Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"));

    @ParameterizedTest(name = "active [{0}, {1}) of April: {2} of 30 USD = {3}")
    @CsvSource({
            "2024-04-01T00:00:00Z, 2024-05-01T00:00:00Z, 30/30 days,        30.00",
            "2024-03-01T00:00:00Z, 2024-06-01T00:00:00Z, clipped to April,  30.00",
            "2024-04-16T00:00:00Z, 2024-05-01T00:00:00Z, start mid-period,  15.00",
            "2024-04-01T00:00:00Z, 2024-04-11T00:00:00Z, cancelled Apr 11,  10.00",
            "2024-04-30T23:59:59Z, 2024-05-01T00:00:00Z, last second,       0.00",
            "2024-04-01T12:00:00Z, 2024-04-02T00:00:00Z, half a day,        0.50",
            "2024-05-01T00:00:00Z, 2024-06-01T00:00:00Z, after the period,  0.00",
            "2024-03-01T00:00:00Z, 2024-04-01T00:00:00Z, before the period, 0.00",
    })
    void chargesTheActiveShareOfElapsedTime(String from, String to, String what, String expected) {
        Proration share = Proration.of(APRIL, Instant.parse(from), Instant.parse(to));

        assertThat(share.applyTo(Money.of("30", "USD"), RoundingMode.HALF_UP).amount()).isEqualByComparingTo(expected);
    }

    @Test
    void roundsOnceWithTheGivenMode() {
        Proration oneThird = Proration.of(APRIL, Instant.parse("2024-04-21T00:00:00Z"), APRIL.end());

        assertThat(oneThird.applyTo(Money.of("0.05", "USD"), RoundingMode.HALF_UP).amount()).isEqualByComparingTo("0.02");
        assertThat(oneThird.applyTo(Money.of("100", "USD"), RoundingMode.UP).amount()).isEqualByComparingTo("33.34");
        assertThat(oneThird.applyTo(Money.of("100", "JPY"), RoundingMode.HALF_UP).amount()).isEqualByComparingTo("33");
    }

    @Test
    void usesRealElapsedTimeInADstMonth() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BillingPeriod march = BillingCalendar.monthly(berlin).periodContaining(Instant.parse("2024-03-15T00:00:00Z"));
        Instant lastDay = ZonedDateTime.of(LocalDateTime.parse("2024-03-31T00:00"), berlin).toInstant();

        Proration share = Proration.of(march, lastDay, march.end());

        assertThat(Duration.ofNanos(share.activeNanos())).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.ofNanos(share.periodNanos())).isEqualTo(Duration.ofHours(743));
        assertThat(share.applyTo(Money.of("743", "EUR"), RoundingMode.HALF_UP).amount()).isEqualByComparingTo("23.00");
    }

    @Test
    void knowsAWholePeriod() {
        assertThat(Proration.whole(APRIL).isWhole()).isTrue();
        assertThat(Proration.of(APRIL, APRIL.start().plusSeconds(1), APRIL.end()).isWhole()).isFalse();
    }

    @Test
    void refusesImpossibleFractions() {
        assertThatThrownBy(() -> new Proration(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Proration(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BillingPeriod(APRIL.end(), APRIL.start()))
                .hasMessageContaining("must end after it starts");
    }
}
