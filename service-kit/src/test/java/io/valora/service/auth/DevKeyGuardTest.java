package io.valora.service.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevKeyGuardTest {

    @Test
    void aDevelopmentKeyStopsAProductionStartWithTheSettingNamed() {
        assertThatThrownBy(() -> DevKeyGuard.refuseInProduction(List.of("prod"), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("valora.auth.dev-key");
    }

    @Test
    void productionWithoutOneAndTheLocalProfileWithOneStart() {
        assertThatCode(() -> DevKeyGuard.refuseInProduction(List.of("prod"), false)).doesNotThrowAnyException();
        assertThatCode(() -> DevKeyGuard.refuseInProduction(List.of("local"), true)).doesNotThrowAnyException();
        assertThatCode(() -> DevKeyGuard.refuseInProduction(List.of("test"), true)).doesNotThrowAnyException();
    }
}
