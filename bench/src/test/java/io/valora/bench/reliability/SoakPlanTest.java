package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakPlanTest {

    @Test
    void noSoakHasNoWarmUp() {
        assertThat(SoakPlan.NONE.isOff()).isTrue();
        assertThat(SoakPlan.NONE.total()).isZero();
        assertThatThrownBy(() -> new SoakPlan(Duration.ofMinutes(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--soak-minutes");
    }

    @Test
    void theWarmUpComesOnTopOfTheMeasuredWindow() {
        SoakPlan plan = new SoakPlan(Duration.ofMinutes(10), Duration.ofMinutes(10));

        assertThat(plan.isOff()).isFalse();
        assertThat(plan.total()).isEqualTo(Duration.ofMinutes(20));
        assertThat(plan.measured()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void negativeDurationsAreRefused() {
        assertThatThrownBy(() -> new SoakPlan(Duration.ofMinutes(-1), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
