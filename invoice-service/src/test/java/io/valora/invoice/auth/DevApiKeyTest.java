package io.valora.invoice.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevApiKeyTest {

    private final DevApiKey key = new DevApiKey("valora-dev-key", "demo");

    @Test
    void theConfiguredKeyStandsForTheConfiguredTenant() {
        assertThat(key.tenantFor("valora-dev-key")).contains("demo");
    }

    @Test
    void anyOtherKeyStandsForNobody() {
        assertThat(key.tenantFor("valora-dev-key ")).isEmpty();
        assertThat(key.tenantFor("")).isEmpty();
        assertThat(key.tenantFor(null)).isEmpty();
    }

    @Test
    void refusesABlankConfiguration() {
        assertThatThrownBy(() -> new DevApiKey(" ", "demo")).isInstanceOf(IllegalArgumentException.class);
    }
}
