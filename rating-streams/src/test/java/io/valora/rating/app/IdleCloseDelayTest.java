package io.valora.rating.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The idle-close knob: an explicit word switches it off, an empty or unreadable value stops the start. */
class IdleCloseDelayTest {

    @Test
    void offInAnyCaseSwitchesTheWallClockCloseOff() {
        assertThat(IdleCloseDelay.parse("off")).isEmpty();
        assertThat(IdleCloseDelay.parse(" OFF ")).isEmpty();
    }

    @Test
    void durationsInQuarkusFormsAreTheDelay() {
        assertThat(IdleCloseDelay.parse("PT1H")).contains(Duration.ofHours(1));
        assertThat(IdleCloseDelay.parse("90m")).contains(Duration.ofMinutes(90));
        assertThat(IdleCloseDelay.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void emptyUnreadableOrNegativeValuesAreRefused() {
        assertThatThrownBy(() -> IdleCloseDelay.parse("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off");
        assertThatThrownBy(() -> IdleCloseDelay.parse("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdleCloseDelay.parse("-PT1H")).isInstanceOf(IllegalArgumentException.class);
    }
}
