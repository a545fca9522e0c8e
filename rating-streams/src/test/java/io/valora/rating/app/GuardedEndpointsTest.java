package io.valora.rating.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.service.auth.GuardedEndpoints;
import org.junit.jupiter.api.Test;

/** Every rating-streams endpoint states who may call it: nothing is open by omission. */
class GuardedEndpointsTest {

    @Test
    void everyResourceMethodCarriesAnAccessRule() {
        assertThat(GuardedEndpoints.resourceMethods("io.valora.rating")).as("the scan finds the live queries").hasSizeGreaterThanOrEqualTo(2);
        assertThat(GuardedEndpoints.unguarded("io.valora.rating")).isEmpty();
    }
}
