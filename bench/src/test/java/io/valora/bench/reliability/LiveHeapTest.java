package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LiveHeapTest {

    @Test
    void readsTheUsedHeapOfG1AndIgnoresMetaspace() {
        String g1 = """
                12345:
                 garbage-first heap   total 37888K, used 20480K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 6 young (6144K), 1 survivors (1024K)
                 Metaspace       used 60301K, committed 60992K, reserved 1114112K
                  class space    used 6817K, committed 7168K, reserved 1048576K
                """;

        assertThat(LiveHeap.usedMegabytes(g1)).isEqualTo(OptionalDouble.of(20.0));
    }

    @Test
    void addsTheGenerationsOfTheSerialCollector() {
        String serial = """
                 def new generation   total 4928K, used 1024K [0x0, 0x0, 0x0)
                 tenured generation   total 10944K, used 3072K [0x0, 0x0, 0x0)
                 Metaspace       used 900K, committed 1000K, reserved 1056768K
                """;

        assertThat(LiveHeap.usedMegabytes(serial)).isEqualTo(OptionalDouble.of(4.0));
    }

    @Test
    void isEmptyForAnAnswerWithoutAHeap() {
        assertThat(LiveHeap.usedMegabytes("12345:\nCommand executed successfully\n")).isEmpty();
    }

    @Test
    void measuresThisJvmThroughJcmd() {
        OptionalDouble heap = LiveHeap.afterFullGc(ProcessHandle.current().pid());

        assertThat(heap).isPresent();
        assertThat(heap.getAsDouble()).isPositive()
                .isLessThan(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }
}
