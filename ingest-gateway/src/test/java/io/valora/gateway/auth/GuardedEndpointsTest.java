package io.valora.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.service.auth.GuardedEndpoints;
import org.junit.jupiter.api.Test;

/** Every gateway endpoint states who may call it: nothing is open by omission. */
class GuardedEndpointsTest {

    @Test
    void everyResourceMethodCarriesAnAccessRule() {
        assertThat(GuardedEndpoints.resourceMethods("io.valora.gateway")).as("the scan finds the endpoints").hasSizeGreaterThanOrEqualTo(5);
        assertThat(GuardedEndpoints.unguarded("io.valora.gateway")).isEmpty();
    }
}
