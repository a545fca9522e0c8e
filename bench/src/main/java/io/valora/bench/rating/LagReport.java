package io.valora.bench.rating;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What to look at when charges do not arrive: per partition of a topic, the high watermark
 * beside the last stable offset (a gap means a transaction stays open), and per partition the
 * group has committed, how far it is behind. Logged, not measured.
 */
final class LagReport {

    private LagReport() {
    }

    static void log(Admin admin, String group, String outputTopic) {
        try {
            Map<TopicPartition, Long> high = offsets(admin, outputTopic, IsolationLevel.READ_UNCOMMITTED);
            Map<TopicPartition, Long> stable = offsets(admin, outputTopic, IsolationLevel.READ_COMMITTED);
            new TreeMap<String, Long>(high.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toString(),
                    Map.Entry::getValue))).forEach((tp, hw) -> BenchOutput.log("  %s: high watermark %d, last stable %d",
                            tp, hw, stable.get(topicPartition(tp))));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            for (String topic : committed.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList()) {
                Map<TopicPartition, Long> end = offsets(admin, topic, IsolationLevel.READ_UNCOMMITTED);
                end.forEach((tp, e) -> BenchOutput.log("  group %s on %s: committed %s, end %d", group, tp,
                        committed.get(tp) == null ? "none" : Long.toString(committed.get(tp).offset()), e));
            }
        } catch (Exception e) {
            BenchOutput.log("could not read offsets: %s", e);
        }
    }

    private static TopicPartition topicPartition(String name) {
        int dash = name.lastIndexOf('-');
        return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, String topic, IsolationLevel isolation) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = EndOffsets.of(admin, topic).keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS).entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
