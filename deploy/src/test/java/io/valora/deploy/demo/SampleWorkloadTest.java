package io.valora.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleWorkloadTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-24T00:00:00Z");

    @Test
    void isReproducibleFromItsSeed() {
        assertThat(SampleWorkload.generate(3, 5, 10, FROM, TO, BigDecimal.ONE))
                .isEqualTo(SampleWorkload.generate(3, 5, 10, FROM, TO, BigDecimal.ONE));
    }

    @Test
    void staysInsideTheRequestedWindowWithUniqueIds() {
        SampleWorkload workload = SampleWorkload.generate(3, 5, 10, FROM, TO, BigDecimal.ONE);

        assertThat(workload.events()).hasSize(50)
                .allSatisfy(e -> assertThat(e.time()).isBetween(FROM, TO.minusMillis(1)));
        assertThat(workload.events().stream().map(UsageSample::id).distinct()).hasSize(50);
    }

    @Test
    void roundsEachLineOnceHalfUpThenSums() {
        SampleWorkload workload = new SampleWorkload(List.of(
                new UsageSample("a", "c1", "api_call", FROM, new BigDecimal("0.5")),
                new UsageSample("b", "c1", "api_call", FROM, new BigDecimal("0.5")),   // api_call: 1.0 × 0.015 = 0.015 → 0.02
                new UsageSample("c", "c1", "tokens", FROM, new BigDecimal("0.3"))),   // tokens: 0.0045 → 0.00
                new BigDecimal("0.015"));

        assertThat(workload.expectedQuantities()).containsEntry("c1/api_call", new BigDecimal("1.0"));
        assertThat(workload.expectedTotalsMinor()).containsEntry("c1", 2L);
    }
}
