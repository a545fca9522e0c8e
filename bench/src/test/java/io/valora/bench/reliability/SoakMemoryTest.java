package io.valora.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.bench.reliability.RssSampler.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code soak-memory} judges the measured window only; growth during the warm-up is reported, not judged. */
class SoakMemoryTest {

    private static final double WARM_UP_SECONDS = 600;

    @Test
    void growthDuringTheWarmUpAloneIsFlat() {
        Map<String, String> facts = new TreeMap<>();

        Check check = Soak.memory(Map.of("rating-streams-2", series(450, 15.0, 0.5)), WARM_UP_SECONDS, facts);

        assertThat(check.passed()).as(check.line()).isTrue();
        assertThat(facts.get("soak RSS warm-up rating-streams-2")).isEqualTo("450→598 MB");
        assertThat(facts.get("soak RSS slope rating-streams-2")).isEqualTo("+0.50 MB/min (measured window)");
    }

    @Test
    void growthInTheMeasuredWindowFails() {
        Map<String, String> facts = new TreeMap<>();

        Check check = Soak.memory(Map.of("rating-streams", series(450, 0.0, 3.5),
                "kafka", series(500, 0.0, 0.0)), WARM_UP_SECONDS, facts);

        assertThat(check.passed()).as(check.line()).isFalse();
        assertThat(check.detail()).contains("rating-streams 450→485 MB (+3.50 MB/min)").contains("kafka 500→500 MB");
    }

    /** A sample every 10 s for 20 minutes: {@code warmUpSlope} MB/min for the first 10, {@code slope} after. */
    private static List<Sample> series(double start, double warmUpSlope, double slope) {
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 1200; s += 10) {
            double mb = s < WARM_UP_SECONDS ? start + warmUpSlope * s / 60
                    : start + warmUpSlope * WARM_UP_SECONDS / 60 + slope * (s - WARM_UP_SECONDS) / 60;
            samples.add(new Sample(s, mb));
        }
        return samples;
    }
}
