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
        assertThat(SampleWorkload.generate(3, 5, 10, FROM, TO)).isEqualTo(SampleWorkload.generate(3, 5, 10, FROM, TO));
    }

    @Test
    void staysInsideTheRequestedWindowWithUniqueIds() {
        SampleWorkload workload = SampleWorkload.generate(3, 5, 10, FROM, TO);

        assertThat(workload.events()).hasSize(50)
                .allSatisfy(e -> assertThat(e.time()).isBetween(FROM, TO.minusMillis(1)));
        assertThat(workload.events().stream().map(UsageSample::id).distinct()).hasSize(50);
        assertThat(workload.customers()).containsExactly("customer-001", "customer-002", "customer-003",
                "customer-004", "customer-005");
    }

    @Test
    void addsThePlatformFeeAndRoundsEachLineOnceHalfUp() {
        SampleWorkload workload = new SampleWorkload(List.of(
                new UsageSample("a", "c1", "api_call", FROM, new BigDecimal("0.25")),
                new UsageSample("b", "c1", "api_call", FROM, new BigDecimal("0.25")),  // 0.5 × 0.01 = 0.005 → 0.01
                new UsageSample("c", "c1", "storage_gb_hour", FROM, new BigDecimal("0.4")))); // 0.004 → 0.00

        assertThat(workload.expectedQuantities()).containsEntry("c1/api_call", new BigDecimal("0.50"));
        assertThat(workload.expectedTotalsMinor()).containsEntry("c1", 1000L + 1L);
    }

    @Test
    void pricesTokensGraduatedAcrossTheFirstThousand() {
        // 1000 × 0.002 = 2.000, 500.5 × 0.001 = 0.5005 → 2.5005 → 2.50
        assertThat(DemoPlan.usageMinor("tokens", new BigDecimal("1500.5"))).isEqualTo(250L);
        // inside the first tier: 999.75 × 0.002 = 1.9995 → 2.00
        assertThat(DemoPlan.usageMinor("tokens", new BigDecimal("999.75"))).isEqualTo(200L);
        assertThat(DemoPlan.usageMinor("api_call", new BigDecimal("1234.5"))).isEqualTo(1235L);
    }
}
