package io.valora.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void compilerThreadsOfThisJvmUsedPartOfItsCpu() {
        double total = ProcessCpu.seconds(SELF);
        double jit = ProcessCpu.jitSeconds(SELF);
        assertThat(total).isPositive();
        // loading JUnit and AssertJ compiled methods already; the JIT can never have used more than the whole process
        assertThat(jit).isNotNaN().isPositive().isLessThanOrEqualTo(ProcessCpu.seconds(SELF));
    }

    @Test
    void noProcessReadsAsNotANumber() {
        assertThat(ProcessCpu.seconds(-1)).isNaN();
        assertThat(ProcessCpu.jitSeconds(-1)).isNaN();
        assertThat(ProcessCpu.jitSeconds(Long.MAX_VALUE)).isNaN();
    }
}
