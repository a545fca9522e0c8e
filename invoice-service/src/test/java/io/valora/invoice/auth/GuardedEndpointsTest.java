package io.valora.invoice.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.service.auth.GuardedEndpoints;
import org.junit.jupiter.api.Test;

/** Every invoice-service endpoint states who may call it: nothing is open by omission. */
class GuardedEndpointsTest {

    @Test
    void everyResourceMethodCarriesAnAccessRule() {
        assertThat(GuardedEndpoints.resourceMethods("io.valora.invoice")).as("the scan finds the endpoints").hasSizeGreaterThanOrEqualTo(25);
        assertThat(GuardedEndpoints.unguarded("io.valora.invoice")).isEmpty();
    }
}
