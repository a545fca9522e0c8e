package io.valora.bench.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.valora.schemas.UsageEvent;
import io.valora.schemas.codec.RecordSerde;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floor must do the work it stands for: drop a repeated id, count per customer and hour, pass the rest on. */
class StateFloorTopologyTest {

    private static final Instant T = Instant.parse("2026-11-24T10:15:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    @Test
    void dropsRepeatedIdsAndCountsEveryOtherEventInBothStores() {
        Serde<UsageEvent> serde = RecordSerde.singleObject(UsageEvent.class);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "floor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Workload workload = new Workload("t", 2, 0);
        try (TopologyTestDriver driver = new TopologyTestDriver(StateFloorTopology.build("in", "out"), props)) {
            TestInputTopic<String, UsageEvent> in = driver.createInputTopic("in", Serdes.String().serializer(),
                    serde.serializer());
            TestOutputTopic<String, UsageEvent> out = driver.createOutputTopic("out", Serdes.String().deserializer(),
                    serde.deserializer());
            UsageEvent first = workload.event("cust-a", "p", 1, T);
            in.pipeInput(Workload.key(first), first);
            in.pipeInput(Workload.key(first), first);
            UsageEvent second = workload.event("cust-a", "p", 2, T.plusSeconds(60));
            in.pipeInput(Workload.key(second), second);
            UsageEvent other = workload.event("cust-b", "p", 3, T);
            in.pipeInput(Workload.key(other), other);

            assertThat(out.readValuesToList()).extracting(UsageEvent::getId)
                    .containsExactly(first.getId(), second.getId(), other.getId());
            KeyValueStore<String, Long> periods = driver.getKeyValueStore("floor-periods");
            assertThat(periods.get("bench/cust-a/2026-11-24T00:00:00Z")).isEqualTo(2L);
            assertThat(periods.get("bench/cust-b/2026-11-24T00:00:00Z")).isEqualTo(1L);
            WindowStore<String, Long> hours = driver.getWindowStore("floor-hours");
            assertThat(hours.fetch("bench/cust-a", Instant.parse("2026-11-24T10:00:00Z").toEpochMilli())).isEqualTo(2L);
        }
    }
}
