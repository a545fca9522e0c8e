package io.valora.invoice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevApiKeyTest {

    private final DevApiKey key = new DevApiKey(Optional.of("valora-dev-key"), "demo");

    @Test
    void theConfiguredKeyStandsForTheConfiguredTenantWithEveryScope() {
        assertThat(key.tenantFor("valora-dev-key")).contains("demo");
        assertThat(key.principalFor("valora-dev-key")).get()
                .extracting(Principal::scopes).isEqualTo(EnumSet.allOf(Scope.class));
    }

    @Test
    void anyOtherKeyStandsForNobody() {
        assertThat(key.tenantFor("valora-dev-key ")).isEmpty();
        assertThat(key.tenantFor("")).isEmpty();
        assertThat(key.tenantFor(null)).isEmpty();
    }

    @Test
    void aBlankKeySwitchesTheDevelopmentKeyOff() {
        DevApiKey off = new DevApiKey(Optional.of(" "), "demo");
        assertThat(off.tenantFor(" ")).isEmpty();
        assertThat(off.tenantFor("valora-dev-key")).isEmpty();
        assertThat(new DevApiKey(Optional.empty(), "demo").tenantFor("")).isEmpty();
    }

    @Test
    void refusesAKeyWithoutTenant() {
        assertThatThrownBy(() -> new DevApiKey(Optional.of("k"), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
